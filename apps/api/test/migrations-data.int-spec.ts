import type { MeDto } from '@keyhouse/shared-contracts';
import { migrate, openDatabase, parseDatabaseUrl } from '@keyhouse/api-persistence';
import type { DataSource } from 'typeorm';
import { ENTITIES } from '../src/entities';
import { freshDatabase, TEST_DIALECT, type TestDatabase } from './support/databases';
import { fastHasher, startTestApp } from './support/test-app';

/** Reverts migrations until `name` is the last one applied: the database as that release left it. */
async function migrateBackTo(dataSource: DataSource, name: string): Promise<void> {
  for (;;) {
    const [last] = (await dataSource.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1')) as Array<{ name: string }>;
    if (last.name === name) return;
    await dataSource.undoLastMigration();
  }
}

describe(`existing data through the memberships migration on ${TEST_DIALECT}`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await freshDatabase();
    dataSource = await openDatabase(parseDatabaseUrl(database.url), ENTITIES);
    await migrate(dataSource);
    await migrateBackTo(dataSource, 'AccountEdit1764010000000');

    // As the release before memberships stored them: organizations, and roles held everywhere.
    await dataSource.query("INSERT INTO organizations (id, name) VALUES (1, 'Default Organization'), (2, 'Acme')");
    await dataSource.query(`INSERT INTO roles (name, label, permissions) VALUES ('ROLE_HR', 'HR', '["users.view","users.create"]')`);
    const passwordHash = await fastHasher.hash('a-user-password');
    for (const [id, username] of [[1, 'first'], [2, 'second'], [3, 'hr'], [4, 'nobody']] as const) {
      await dataSource.query('INSERT INTO users (id, username, email, passwordHash) VALUES (?, ?, ?, ?)', [id, username, `${username}@example.com`, passwordHash]);
    }
    await dataSource.query('INSERT INTO user_organizations (userId, organizationId) VALUES (1, 1), (1, 2), (2, 2), (3, 1), (4, 2)');
    await dataSource.query(
      "INSERT INTO user_roles (userId, roleId) SELECT u.id, r.id FROM users u JOIN roles r ON (u.username IN ('first', 'second') AND r.name = 'ROLE_ADMINISTRATOR') OR (u.username = 'hr' AND r.name IN ('ROLE_HR', 'ROLE_USER'))",
    );
    await migrate(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const membershipsOf = async (userId: number) =>
    (
      (await dataSource.query(
        'SELECT uo.organizationId AS organizationId, r.name AS role FROM user_organizations uo LEFT JOIN membership_roles mr ON mr.userId = uo.userId AND mr.organizationId = uo.organizationId LEFT JOIN roles r ON r.id = mr.roleId WHERE uo.userId = ? ORDER BY uo.organizationId, r.name',
        [userId],
      )) as Array<{ organizationId: number; role: string | null }>
    ).map(({ organizationId, role }) => [Number(organizationId), role]);

  it('gives every membership the roles its user held everywhere', async () => {
    expect(await membershipsOf(1)).toEqual([[1, 'ROLE_ADMINISTRATOR'], [2, 'ROLE_ADMINISTRATOR']]);
    expect(await membershipsOf(2)).toEqual([[2, 'ROLE_ADMINISTRATOR']]);
    expect(await membershipsOf(3)).toEqual([[1, 'ROLE_HR'], [1, 'ROLE_USER']]);
    expect(await membershipsOf(4)).toEqual([[2, null]]);
  });

  it('makes the first administrator the platform operator, and only them', async () => {
    const operators = (await dataSource.query('SELECT username FROM users WHERE platformOperator = 1')) as Array<{ username: string }>;
    expect(operators.map((user) => user.username)).toEqual(['first']);
  });

  it('keeps what each user could do, where they could do it, through the API', async () => {
    const t = await startTestApp({}, { database });
    try {
      const second = await t.signedIn('second', 'a-user-password');
      const me = (await second.get<MeDto>('/admin/api/me')).body;
      expect(me).toMatchObject({ platformOperator: false, organizationIds: [2], memberships: [{ organizationId: 2, roles: ['ROLE_ADMINISTRATOR'] }] });
      expect(me.permissions).toEqual(expect.arrayContaining(['users.create', 'oauth_applications.edit', 'audit.view', 'roles.edit']));
      const hr = (await (await t.signedIn('hr', 'a-user-password')).get<MeDto>('/admin/api/me')).body;
      expect(hr.access).toEqual([{ organizationId: 1, organizationName: 'Default Organization', roles: ['ROLE_HR', 'ROLE_USER'], permissions: ['users.view', 'users.create'] }]);
      // Creating organizations became the platform operator's.
      expect((await second.post('/admin/api/organizations', { name: 'Mine' })).status).toBe(403);
      expect((await (await t.signedIn('first', 'a-user-password')).post('/admin/api/organizations', { name: 'Theirs' })).status).toBe(201);
    } finally {
      await t.close();
    }
  });

  it('reverts without loss: each user holds again, everywhere, every role they held in a membership', async () => {
    await migrateBackTo(dataSource, 'AccountEdit1764010000000');
    const held = (await dataSource.query('SELECT ur.userId AS userId, r.name AS role FROM user_roles ur JOIN roles r ON r.id = ur.roleId ORDER BY ur.userId, r.name')) as Array<{ userId: number; role: string }>;
    expect(held.map(({ userId, role }) => [Number(userId), role])).toEqual([[1, 'ROLE_ADMINISTRATOR'], [2, 'ROLE_ADMINISTRATOR'], [3, 'ROLE_HR'], [3, 'ROLE_USER']]);
    await migrate(dataSource);
    expect(await membershipsOf(3)).toEqual([[1, 'ROLE_HR'], [1, 'ROLE_USER']]);
  });
});
