/**
 * What a role may grant. Named `<resource>.<action>` like Oro's ACL entries; every check in the
 * API goes through these names.
 */
export const PERMISSIONS = [
  'users.view',
  'users.create',
  'users.edit',
  'organizations.view',
  'organizations.create',
  'customer_users.view',
  'customer_users.create',
  'customer_users.edit',
  'oauth_applications.view',
  'oauth_applications.create',
  'oauth_applications.edit',
  'oauth_applications.delete',
  'notifications.view',
  'notifications.edit',
  'oauth_installations.view',
  'oauth_installations.manage',
  'audit.view',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
