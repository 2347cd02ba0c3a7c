/**
 * What a role may grant. Named `<resource>.<action>` like Oro's ACL entries; every check in the
 * API goes through these names.
 */
export const PERMISSIONS = [
  'users.view',
  'organizations.view',
  'customer_users.view',
  'oauth_applications.view',
  'oauth_applications.create',
  'oauth_applications.edit',
  'oauth_applications.delete',
  'notifications.view',
  'notifications.edit',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
