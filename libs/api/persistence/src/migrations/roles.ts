/**
 * The built-in roles as the first migration creates them. A migration is history: later
 * migrations that add permissions grant them to ROLE_ADMINISTRATOR themselves.
 */
export const INITIAL_ROLES = [
  {
    name: 'ROLE_ADMINISTRATOR',
    label: 'Administrator',
    permissions: JSON.stringify(['users.view', 'organizations.view', 'customer_users.view']),
  },
  { name: 'ROLE_USER', label: 'User', permissions: '[]' },
];

interface QueryRunnerLike {
  query(sql: string, parameters?: unknown[]): Promise<Array<{ id: number; permissions: string }>>;
}

/** Adds permissions to a built-in role (plain SQL that both dialects accept). */
export async function grantToRole(db: QueryRunnerLike, role: string, permissions: string[]): Promise<void> {
  const [row] = await db.query('SELECT id, permissions FROM roles WHERE name = ?', [role]);
  if (!row) return;
  const granted = new Set<string>([...(JSON.parse(row.permissions) as string[]), ...permissions]);
  await db.query('UPDATE roles SET permissions = ? WHERE id = ?', [JSON.stringify([...granted]), row.id]);
}

export async function revokeFromRole(db: QueryRunnerLike, role: string, permissions: string[]): Promise<void> {
  const [row] = await db.query('SELECT id, permissions FROM roles WHERE name = ?', [role]);
  if (!row) return;
  const kept = (JSON.parse(row.permissions) as string[]).filter((p) => !permissions.includes(p));
  await db.query('UPDATE roles SET permissions = ? WHERE id = ?', [JSON.stringify(kept), row.id]);
}

export const OAUTH_APPLICATION_PERMISSIONS = [
  'oauth_applications.view',
  'oauth_applications.create',
  'oauth_applications.edit',
  'oauth_applications.delete',
];

export const CUSTOMER_USER_CREATE_PERMISSIONS = ['customer_users.create'];

export const INSTALLATION_PERMISSIONS = ['oauth_installations.view', 'oauth_installations.manage'];

export const AUDIT_PERMISSIONS = ['audit.view'];

export const USER_CREATE_PERMISSIONS = ['users.create'];

export const ORGANIZATION_CREATE_PERMISSIONS = ['organizations.create'];

export const ACCOUNT_EDIT_PERMISSIONS = ['users.edit', 'customer_users.edit'];

/** The roles the memberships migration adds next to Administrator and User (1764020000000). */
export const MEMBERSHIP_ROLES = [
  {
    name: 'ROLE_APPLICATION_MANAGER',
    label: 'Application manager',
    permissions: JSON.stringify(['oauth_applications.view', 'oauth_applications.create', 'oauth_applications.edit', 'oauth_applications.delete', 'oauth_installations.view', 'oauth_installations.manage']),
  },
  {
    name: 'ROLE_VIEWER',
    label: 'Viewer',
    permissions: JSON.stringify(['users.view', 'organizations.view', 'customer_users.view', 'oauth_applications.view', 'oauth_installations.view', 'notifications.view', 'audit.view', 'roles.view']),
  },
];

export const ROLE_PERMISSIONS = ['roles.view', 'roles.create', 'roles.edit'];

/** Creating organizations became a platform operator's act: no role grants it any more. */
export const PLATFORM_ONLY_PERMISSIONS = ['organizations.create'];

/** Each membership gets the roles its user held everywhere (the memberships migration). */
export const ROLES_OF_MEMBERSHIPS = 'SELECT uo.userId, uo.organizationId, ur.roleId FROM user_organizations uo JOIN user_roles ur ON ur.userId = uo.userId';

/** The first administrator becomes the platform operator (the memberships migration, while user_roles exists). */
export async function makeFirstAdministratorOperator(db: QueryRunnerLike): Promise<void> {
  const [first] = (await db.query("SELECT MIN(ur.userId) AS id FROM user_roles ur JOIN roles r ON r.id = ur.roleId WHERE r.name = 'ROLE_ADMINISTRATOR'")) as unknown as Array<{ id: number | null }>;
  if (first && first.id !== null) await db.query('UPDATE users SET platformOperator = 1 WHERE id = ?', [first.id]);
}

/** The built-in roles follow the new permissions: roles are managed, organizations are the platform's. */
export async function addMembershipRoles(db: QueryRunnerLike): Promise<void> {
  await grantToRole(db, 'ROLE_ADMINISTRATOR', ROLE_PERMISSIONS);
  for (const { name } of (await db.query('SELECT name FROM roles')) as unknown as Array<{ name: string }>) {
    await revokeFromRole(db, name, PLATFORM_ONLY_PERMISSIONS);
  }
  for (const role of MEMBERSHIP_ROLES) {
    const [taken] = await db.query('SELECT id, permissions FROM roles WHERE name = ?', [role.name]);
    if (!taken) await db.query('INSERT INTO roles (name, label, permissions) VALUES (?, ?, ?)', [role.name, role.label, role.permissions]);
  }
}

/** The reverse, before the roles go back to users: the roles that did not exist before go. */
export async function removeMembershipRoles(db: QueryRunnerLike): Promise<void> {
  for (const role of MEMBERSHIP_ROLES) await db.query('DELETE FROM roles WHERE name = ?', [role.name]);
  await db.query('DELETE FROM roles WHERE organizationId IS NOT NULL');
  await revokeFromRole(db, 'ROLE_ADMINISTRATOR', ROLE_PERMISSIONS);
  await grantToRole(db, 'ROLE_ADMINISTRATOR', PLATFORM_ONLY_PERMISSIONS);
}

/** Every role a user holds anywhere becomes theirs everywhere again, as before the memberships migration. */
export const ROLES_OF_USERS = 'SELECT DISTINCT userId, roleId FROM membership_roles';
