/**
 * The organization of a new setting, from a request body: an id, or null for a platform default
 * when those may be created through the API. Problems go to `errors`, at the field.
 */
export function readOrganizationId(value: unknown, errors: Record<string, string>, { platformAllowed }: { platformAllowed: boolean }): number | null {
  if ((value === undefined || value === null) && platformAllowed) return null;
  if (Number.isSafeInteger(value) && (value as number) > 0) return value as number;
  errors['organizationId'] = platformAllowed ? 'Must be an organization id, or null for the platform.' : 'Choose the organization this applies to.';
  return null;
}

/**
 * The fields that say which setting this is (its event, its organization...) may come back with
 * an edit, as the console sends whole records, but unchanged: a setting is never moved, it is
 * customized or reverted instead.
 */
export function identityChangeErrors(fields: Record<string, unknown>, current: Record<string, unknown>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.filter((name) => name in fields && fields[name] !== current[name]).map((name) => [name, 'This cannot be changed: customize the setting or revert it instead.']),
  );
}
