import { createDataSource, migrate, migrationsFor, openDatabase, parseDatabaseUrl } from '@keyhouse/api-persistence';
import type { AuditEventDto, OrganizationDto, UserDto } from '@keyhouse/shared-contracts';
import type { DataSource } from 'typeorm';
import { ENTITIES } from '../src/entities';
import { freshDatabase } from './support/databases';
import { createOrganization, createUser } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { createClient, token } from './support/oauth';
import { startTestApp, type TestApp } from './support/test-app';

const PASSWORD = 'a-long-enough-password';
const list = (filter: Record<string, unknown> = {}) => `/admin/api/audit-events?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,999]')}`;

async function rowsFor(reader: HttpClient, filter: Record<string, unknown> = {}): Promise<AuditEventDto[]> {
  const answer = await reader.get<AuditEventDto[]>(list(filter));
  expect(answer.status).toBe(200);
  return answer.body;
}

const signIns = (rows: AuditEventDto[], action = 'session.signed_in') =>
  rows
    .filter((row) => row.action === action)
    .map((row) => row.target.name)
    .sort();

describe('audit per organization (GET /admin/api/audit-events)', () => {
  let t: TestApp;
  let operator: HttpClient;
  let adminOfA: HttpClient;
  let adminOfB: HttpClient;
  let a: OrganizationDto;
  let b: OrganizationDto;
  const userIds: Record<string, number> = {};

  /** One row of the whole trail, as the operator reads it. */
  const row = async (found: (row: AuditEventDto) => boolean): Promise<AuditEventDto> => {
    const match = (await rowsFor(operator)).find(found);
    if (!match) throw new Error('no such audit row');
    return match;
  };
  const signInOf = (username: string, action = 'session.signed_in') => row((event) => event.action === action && event.target.name === username);

  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.signedIn();
    a = (await operator.post<OrganizationDto>('/admin/api/organizations', { name: 'Org A' })).body;
    b = (await operator.post<OrganizationDto>('/admin/api/organizations', { name: 'Org B' })).body;
    const people: Array<[string, Array<[OrganizationDto, string]>]> = [
      ['a-admin', [[a, 'ROLE_ADMINISTRATOR']]],
      ['b-admin', [[b, 'ROLE_ADMINISTRATOR']]],
      ['a-user', [[a, 'ROLE_USER']]],
      ['b-user', [[b, 'ROLE_USER']]],
      ['ab-user', [[a, 'ROLE_USER'], [b, 'ROLE_USER']]],
      ['mover', [[a, 'ROLE_USER']]],
    ];
    for (const [username, memberships] of people) {
      const memberOf = memberships.map(([organization, role]) => ({ organizationId: organization.id, roles: [role] }));
      const created = await operator.post<UserDto>('/admin/api/users', { username, email: `${username}@example.com`, password: PASSWORD, memberships: memberOf });
      expect(created.status).toBe(201);
      userIds[username] = created.body.id;
    }
    adminOfA = await t.signedIn('a-admin', PASSWORD);
    adminOfB = await t.signedIn('b-admin', PASSWORD);
    for (const username of ['a-user', 'b-user', 'ab-user']) await t.signedIn(username, PASSWORD);
    expect((await t.client().signIn('a-user', 'a mistyped password')).status).toBe(401);
    expect((await t.client().signIn('nobody-by-that-name', 'whatever it was')).status).toBe(401);
    expect((await operator.post('/admin/api/roles', { label: 'Platform auditor', permissions: ['audit.view'], organizationId: null })).status).toBe(201);
  });
  afterAll(() => t.close());

  it("shows a tenant administrator their organization's rows: never a row of another organization only, nor the platform's", async () => {
    const rows = await rowsFor(adminOfB);
    expect(signIns(rows)).toEqual(['ab-user', 'b-admin', 'b-user']);
    expect(signIns(rows, 'session.sign_in_failed')).toEqual([]);
    expect(rows.filter((event) => event.action === 'user.created').map((event) => event.target.name).sort()).toEqual(['ab-user', 'b-admin', 'b-user']);
    expect(rows.filter((event) => event.target.type === 'organization').map((event) => event.target.name)).toEqual(['Org B']);
    expect(rows.filter((event) => event.action === 'role.created')).toEqual([]);
    // Of a row that also concerns A, B's administrator learns only that it concerns B.
    expect(rows.every((event) => JSON.stringify(event.organizationIds) === JSON.stringify([b.id]) && event.organizationId === b.id)).toBe(true);
  });

  it('keeps those rows out whatever the filters ask for', async () => {
    expect(signIns(await rowsFor(adminOfB, { organizationId: b.id }))).toEqual(['ab-user', 'b-admin', 'b-user']);
    // Not even the rows B's administrator reads because they concern B too: which of them concern A is not theirs to find out.
    expect(await rowsFor(adminOfB, { organizationId: a.id })).toEqual([]);
    const either = await rowsFor(adminOfB, { organizationId: [a.id, b.id] });
    expect(signIns(either)).toEqual(['ab-user', 'b-admin', 'b-user']);
    expect(either.every((event) => JSON.stringify(event.organizationIds) === JSON.stringify([b.id]))).toBe(true);
    expect(await rowsFor(adminOfB, { q: 'nobody-by-that-name' })).toEqual([]);
    expect(await rowsFor(adminOfB, { action: 'session.sign_in_failed' })).toEqual([]);
    expect(await rowsFor(adminOfB, { actorUserId: userIds['a-user'] })).toEqual([]);
    expect(await rowsFor(adminOfB, { action: 'role.created' })).toEqual([]);
    expect((await rowsFor(adminOfB, { targetType: 'organization' })).map((event) => event.target.name)).toEqual(['Org B']);
    expect(signIns(await rowsFor(adminOfB, { actorUserId: userIds['ab-user'] }))).toEqual(['ab-user']);
  });

  it("answers 404 for a row of another organization only or of the platform, and shows a shared row with the reader's organization only", async () => {
    const hidden = [
      await signInOf('a-user'),
      await signInOf('a-user', 'session.sign_in_failed'),
      await signInOf('nobody-by-that-name', 'session.sign_in_failed'),
      await row((event) => event.action === 'organization.created' && event.target.name === 'Org A'),
      await row((event) => event.action === 'role.created'),
    ];
    for (const event of hidden) expect((await adminOfB.get(`/admin/api/audit-events/${event.id}`)).status).toBe(404);

    const shared = await signInOf('ab-user');
    expect((await adminOfB.get<AuditEventDto>(`/admin/api/audit-events/${shared.id}`)).body).toMatchObject({ organizationId: b.id, organizationIds: [b.id] });
    expect((await adminOfA.get<AuditEventDto>(`/admin/api/audit-events/${shared.id}`)).body).toMatchObject({ organizationId: a.id, organizationIds: [a.id] });
  });

  it("files a sign-in under each of the user's organizations: both administrators read the shared user's, and a known login's failure stays in its own organization", async () => {
    const rowsOfA = await rowsFor(adminOfA);
    expect(signIns(rowsOfA)).toEqual(['a-admin', 'a-user', 'ab-user']);
    expect(signIns(rowsOfA, 'session.sign_in_failed')).toEqual(['a-user']);
    expect((await signInOf('ab-user')).organizationIds).toEqual([a.id, b.id].sort((x, y) => x - y));
  });

  it("shows the operator every row, the platform's included", async () => {
    const rows = await rowsFor(operator);
    expect(signIns(rows)).toEqual(['a-admin', 'a-user', 'ab-user', 'admin', 'b-admin', 'b-user']);
    expect(signIns(rows, 'session.sign_in_failed')).toEqual(['a-user', 'nobody-by-that-name']);
    expect(await signInOf('nobody-by-that-name', 'session.sign_in_failed')).toMatchObject({ organizationId: null, organizationIds: [] });
    expect(await row((event) => event.action === 'role.created')).toMatchObject({ organizationId: null, organizationIds: [] });
    expect(rows.filter((event) => event.target.type === 'organization').map((event) => event.target.name).sort()).toEqual(['Org A', 'Org B']);
  });

  it('files a change of memberships under the organizations the user left and joined', async () => {
    const moved = await operator.request('PUT', `/admin/api/users/${userIds['mover']}`, { memberships: [{ organizationId: b.id, roles: ['ROLE_USER'] }] }, {});
    expect(moved.status).toBe(200);
    for (const admin of [adminOfA, adminOfB]) {
      expect((await rowsFor(admin, { action: 'user.updated', targetId: String(userIds['mover']) })).length).toBe(1);
    }
  });

  it('records the application next to the user when an access token made the change, and for password sign-ins', async () => {
    const robot = await createClient(adminOfB, { name: 'B robot', grants: ['client_credentials'], userId: userIds['b-admin'] });
    const granted = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client: robot });
    expect(granted.status).toBe(200);
    const bearer = { authorization: `Bearer ${String(granted.body['access_token'])}` };
    expect((await t.client().post('/admin/api/customer-users', { email: 'robot-made@example.com', password: PASSWORD }, bearer)).status).toBe(201);

    const [made] = await rowsFor(adminOfB, { action: 'customer_user.created' });
    expect(made).toMatchObject({
      actor: { id: userIds['b-admin'], name: 'b-admin', application: { id: robot.id, clientId: robot.clientId, name: 'B robot' } },
      target: { name: 'robot-made@example.com' },
      organizationIds: [b.id],
    });
    // Made in the console: the user alone.
    const [registered] = await rowsFor(adminOfB, { action: 'oauth_application.created', targetId: String(robot.id) });
    expect(registered.actor).toEqual({ id: userIds['b-admin'], name: 'b-admin' });

    const passwordApp = await createClient(adminOfB, { name: 'B sign-in app', grants: ['password'] });
    expect((await token(t.baseUrl, { grant_type: 'password', username: 'b-user', password: PASSWORD }, { client: passwordApp })).status).toBe(200);
    expect((await token(t.baseUrl, { grant_type: 'password', username: 'not-a-b-user', password: PASSWORD }, { client: passwordApp })).status).toBe(400);
    const [signedIn] = await rowsFor(adminOfB, { action: 'oauth_password.signed_in' });
    expect(signedIn).toMatchObject({ target: { name: 'b-user' }, organizationIds: [b.id], actor: { application: { id: passwordApp.id, clientId: passwordApp.clientId, name: 'B sign-in app' } } });
    // An unknown login tried on B's application is still the platform's: the login may be a mistyped password.
    expect(await rowsFor(adminOfB, { action: 'oauth_password.sign_in_failed' })).toEqual([]);
    expect((await rowsFor(operator, { action: 'oauth_password.sign_in_failed' })).map((event) => event.organizationIds)).toEqual([[]]);
  });
});

describe('audit rows written before rows could concern several organizations', () => {
  it('keep their organization: its administrators still read them, nobody else but the operator', async () => {
    const database = await freshDatabase();
    const settings = parseDatabaseUrl(database.url);
    // Opening creates the MySQL database; the older schema is then built by the migrations before this change only.
    await (await openDatabase(settings, ENTITIES)).destroy();
    const migrations = migrationsFor(settings.dialect);
    const older = createDataSource(settings, ENTITIES).setOptions({ migrations: migrations.slice(0, migrations.findIndex((migration) => migration.name === 'AuditOrganizations1764060000000')) });
    let t: TestApp | undefined;
    try {
      await older.initialize();
      await migrate(older);
      const [first, second] = [await insertOrganization(older, 'Old A'), await insertOrganization(older, 'Old B')];
      const insertRow = (targetName: string, organizationId: number | null) =>
        older.query('INSERT INTO audit_events (action, actorUserId, actorName, targetType, targetId, targetName, organizationId, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
          'oauth_application.created',
          null,
          'system',
          'oauth_application',
          '7',
          targetName,
          organizationId,
          '10.0.0.1',
        ]);
      await insertRow('Old A app', first);
      await insertRow('Old B app', second);
      await insertRow('Platform thing', null);
      await older.destroy();

      t = await startTestApp({}, { database });
      await createUser(t.dataSource, { username: 'old-a-admin', password: PASSWORD, organizations: [{ id: first }] });
      await createUser(t.dataSource, { username: 'old-b-admin', password: PASSWORD, organizations: [{ id: second }] });
      const names = async (reader: HttpClient) => (await rowsFor(reader, { action: 'oauth_application.created' })).map((event) => [event.target.name, event.organizationId, event.organizationIds]);
      expect(await names(await t.signedIn('old-a-admin', PASSWORD))).toEqual([['Old A app', first, [first]]]);
      expect(await names(await t.signedIn('old-b-admin', PASSWORD))).toEqual([['Old B app', second, [second]]]);
      expect((await names(await t.signedIn())).sort()).toEqual([
        ['Old A app', first, [first]],
        ['Old B app', second, [second]],
        ['Platform thing', null, []],
      ]);
      // An organization made afterwards has no claim on them.
      const later = await createOrganization(t.dataSource, 'Later');
      await createUser(t.dataSource, { username: 'later-admin', password: PASSWORD, organizations: [later] });
      expect(await names(await t.signedIn('later-admin', PASSWORD))).toEqual([]);
    } finally {
      if (older.isInitialized) await older.destroy();
      await t?.close();
      await database.drop();
    }
  });
});

async function insertOrganization(db: DataSource, name: string): Promise<number> {
  await db.query('INSERT INTO organizations (name) VALUES (?)', [name]);
  const [{ id }] = (await db.query('SELECT id FROM organizations WHERE name = ?', [name])) as Array<{ id: number }>;
  return Number(id);
}
