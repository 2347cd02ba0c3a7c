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
