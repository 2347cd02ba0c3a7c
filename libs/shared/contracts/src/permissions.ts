/**
 * What a role may grant. Named `<resource>.<action>` like Oro's ACL entries; every check in the
 * API goes through these names.
 */
export const PERMISSIONS = ['users.view', 'organizations.view', 'customer_users.view'] as const;

export type Permission = (typeof PERMISSIONS)[number];
