/** What notification settings read of the organization they override for: its name, for the console. */
export interface SettingOrganization {
  id: number;
  name: string;
}
