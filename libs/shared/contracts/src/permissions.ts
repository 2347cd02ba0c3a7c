/**
 * What a role may grant, inside the organization of the membership that holds it. Named
 * `<resource>.<action>` like Oro's ACL entries; every check in the API goes through these names.
 * What concerns the platform itself (organizations, platform defaults, first-party applications,
 * platform roles, who is an operator) is no permission: only platform operators do it.
 */
export const PERMISSIONS = [
  'users.view',
  'users.create',
  'users.edit',
  'organizations.view',
  'customer_users.view',
  'customer_users.create',
  'customer_users.edit',
  'oauth_applications.view',
  'oauth_applications.create',
  'oauth_applications.edit',
  'oauth_applications.delete',
  'oauth_installations.view',
  'oauth_installations.manage',
  'notifications.view',
  'notifications.edit',
  'audit.view',
  'roles.view',
  'roles.create',
  'roles.edit',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (value: unknown): value is Permission => PERMISSIONS.includes(value as Permission);

/** The resources of the permission grid, in the order the console shows them. */
export const PERMISSION_RESOURCES: ReadonlyArray<{ resource: string; label: string }> = [
  { resource: 'users', label: 'Users' },
  { resource: 'organizations', label: 'Organizations' },
  { resource: 'customer_users', label: 'Customer users' },
  { resource: 'oauth_applications', label: 'OAuth applications' },
  { resource: 'oauth_installations', label: 'Installed apps' },
  { resource: 'notifications', label: 'Notifications' },
  { resource: 'audit', label: 'Audit trail' },
  { resource: 'roles', label: 'Roles' },
];

/**
 * Access-token scopes of the back-office API (published in the metadata's `scopes_supported`)
 * and the permissions each one lets a token use; a write scope can read what it writes. A token
 * never does more than its user may in the token's organization, whatever its scopes.
 */
export const API_SCOPES = {
  'users:read': ['users.view'],
  'users:write': ['users.view', 'users.create', 'users.edit'],
  'organizations:read': ['organizations.view'],
  'customers:read': ['customer_users.view'],
  'customers:write': ['customer_users.view', 'customer_users.create', 'customer_users.edit'],
  'applications:read': ['oauth_applications.view'],
  'applications:write': ['oauth_applications.view', 'oauth_applications.create', 'oauth_applications.edit', 'oauth_applications.delete'],
  'installations:read': ['oauth_installations.view'],
  'installations:write': ['oauth_installations.view', 'oauth_installations.manage'],
  'notifications:read': ['notifications.view'],
  'notifications:write': ['notifications.view', 'notifications.edit'],
  'audit:read': ['audit.view'],
  'roles:read': ['roles.view'],
  'roles:write': ['roles.view', 'roles.create', 'roles.edit'],
} as const satisfies Record<string, readonly Permission[]>;

export type ApiScope = keyof typeof API_SCOPES;

/**
 * OpenID Connect's scopes (Core 3.1.2.1, 5.4): `openid` asks for an ID token, `profile` and
 * `email` for those claims at the userinfo endpoint. Every application with the authorization
 * code grant may request them; they say who the user is and grant no API permission.
 */
export const OPENID_SCOPES = ['openid', 'profile', 'email'] as const;

export const isOpenIdScope = (scope: string): boolean => (OPENID_SCOPES as readonly string[]).includes(scope);

/** The permissions a set of scopes grants; scopes that are not the back-office API's (an app's own) grant none. */
export function permissionsOfScopes(scopes: readonly string[]): Set<Permission> {
  return new Set(scopes.flatMap((scope) => (Object.hasOwn(API_SCOPES, scope) ? API_SCOPES[scope as ApiScope] : [])));
}

/**
 * Which of its user's permissions an access token may use: those its scopes grant, or all of
 * them when neither the token nor its application has any scope (Oro's behaviour). Undefined
 * means no limit beyond the user's own; the token's organization bounds it either way.
 * OpenID Connect's scopes count for neither: asking who the user is neither grants nor limits.
 */
export function permissionsAllowed(tokenScopes: readonly string[], applicationScopes: readonly string[]): Set<Permission> | undefined {
  const limiting = (scopes: readonly string[]) => scopes.some((scope) => !isOpenIdScope(scope));
  if (!limiting(tokenScopes) && !limiting(applicationScopes)) return undefined;
  return permissionsOfScopes(tokenScopes);
}
