import type { ApplicationUsageDto, DormancyPolicyDto, OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { ApplicationUsage, DormantApplicationWatcher, OAuthApplication, utcDay, type DormancyCheck } from '@keyhouse/api-applications';
import { OutboxEmail } from '@keyhouse/api-notifications';
import { OAuthCleanup, UsageRecorder } from '@keyhouse/api-oauth';
import { freshDatabase, TEST_DIALECT, type TestDatabase } from './support/databases';
import { createOrganization, createRole, createUser } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { createClient, post, token, type Client } from './support/oauth';
import { startTestApp, type TestApp } from './support/test-app';

const BASE = '/admin/api/oauth-applications';
const DAY = 86_400_000;
// Short enough that moving a few rows' dates back a little makes them dormant.
const POLICY = { DORMANT_AFTER_DAYS: '30', DORMANT_DEACTIVATE_AFTER_DAYS: '7' };

const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/** Moves an application's dates, as time passing would: the tests never wait for days. */
async function setDates(t: TestApp, id: number, dates: Partial<Pick<OAuthApplication, 'createdAt' | 'lastUsedAt' | 'dormantWarnedAt'>>): Promise<void> {
  await t.dataSource.createQueryBuilder().update(OAuthApplication).set({ ...dates, updatedAt: () => 'updatedAt' }).where({ id }).execute();
}

const stored = (t: TestApp, applicationId: number) =>
  t.dataSource.getRepository(ApplicationUsage).find({ where: { applicationId }, order: { day: 'ASC' } });

const wrongSecret = (baseUrl: string, client: Client) =>
  token(baseUrl, { grant_type: 'client_credentials' }, { client: { ...client, clientSecret: 'not-the-secret' } });

async function issueTokens(baseUrl: string, client: Client, count: number): Promise<void> {
  for (let i = 0; i < count; i++) expect((await token(baseUrl, { grant_type: 'client_credentials' }, { client })).status).toBe(200);
}

interface TwoInstances {
  database: TestDatabase;
  a: TestApp;
  b: TestApp;
  /** Signed in on `a`. */
  admin: HttpClient;
  /** A user of organization 1 for the applications to act as. */
  ownerId: number;
}

/** Two instances on one fresh database, as behind a load balancer, each with its own key pair. */
async function startTwoInstances(): Promise<TwoInstances> {
  const database = await freshDatabase();
  const a = await startTestApp(POLICY, { database });
  const b = await startTestApp(POLICY, { database });
  const admin = await a.signedIn();
  const ownerId = (await createUser(a.dataSource, { username: 'owner', firstName: 'Olga', lastName: 'Owner', organizations: [{ id: 1 }] })).id;
  return { database, a, b, admin, ownerId };
}

async function stopTwoInstances({ a, b, database }: TwoInstances): Promise<void> {
  await a.close();
  await b.close();
  await database.drop();
}

describe(`application usage on ${TEST_DIALECT}`, () => {
  let instances: TwoInstances;
  let a: TestApp;
  let b: TestApp;
  let admin: HttpClient;
  let ownerId: number;

  beforeAll(async () => {
    instances = await startTwoInstances();
    ({ a, b, admin, ownerId } = instances);
  });
  afterAll(() => stopTwoInstances(instances));

  const machine = (name: string): Promise<Client> => createClient(admin, { name, grants: ['client_credentials'], userId: ownerId });
  const usageOf = (client: HttpClient, id: number, query = '') => client.get<ApplicationUsageDto>(`${BASE}/${id}/usage${query}`);
  const flush = (t: TestApp) => t.app.get(UsageRecorder).flush();

  it('counts tokens issued and failed client authentications of each application per UTC day', async () => {
    const client = await machine('Counted');
    const other = await machine('Counted too');
    await issueTokens(a.baseUrl, client, 3);
    await issueTokens(a.baseUrl, other, 1);
    expect((await wrongSecret(a.baseUrl, client)).status).toBe(401);
    expect((await wrongSecret(a.baseUrl, client)).status).toBe(401);
    // Client authentication fails the same way on the other protocol endpoints.
    expect((await post(a.baseUrl, '/oauth2-token/introspect', { token: 'x' }, { client: { ...client, clientSecret: 'wrong' } })).status).toBe(401);
    // An unknown client ID belongs to no application: counted nowhere.
    expect((await token(a.baseUrl, { grant_type: 'client_credentials' }, { client: { id: 0, clientId: 'unknown-client', clientSecret: 'x' } })).status).toBe(401);
    await flush(a);

    const today = utcDay(new Date());
    expect(await stored(a, client.id)).toEqual([{ applicationId: client.id, day: today, tokensIssued: 3, failedAuthentications: 3 }]);
    expect(await stored(a, other.id)).toEqual([{ applicationId: other.id, day: today, tokensIssued: 1, failedAuthentications: 0 }]);
    expect(await a.dataSource.getRepository(ApplicationUsage).count()).toBe(2);

    const answer = await usageOf(admin, client.id, '?days=7');
    expect(answer.status).toBe(200);
    expect(answer.body.days).toHaveLength(7);
    expect(answer.body.days[6]).toEqual({ day: today, tokensIssued: 3, failedAuthentications: 3 });
    expect(answer.body.days.slice(0, 6).every((day) => day.tokensIssued === 0 && day.failedAuthentications === 0)).toBe(true);
  });

  it('adds every flush to what is stored: two instances on one database add up', async () => {
    const client = await machine('Shared');
    await issueTokens(a.baseUrl, client, 2);
    await issueTokens(b.baseUrl, client, 3);
    expect((await wrongSecret(b.baseUrl, client)).status).toBe(401);
    await Promise.all([flush(a), flush(b)]);
    await issueTokens(a.baseUrl, client, 1);
    await flush(a);

    expect(await stored(a, client.id)).toEqual([{ applicationId: client.id, day: utcDay(new Date()), tokensIssued: 6, failedAuthentications: 1 }]);
  });

  it('keeps the counts of a failed flush for the next one', async () => {
    const client = await machine('Interrupted');
    // The table is gone for a moment: every write fails as it would on a database blip, the
    // recorder's own two-second flushes included, so the counts made meanwhile cannot be stored.
    await a.dataSource.query('ALTER TABLE oauth_application_usage RENAME TO oauth_application_usage_away');
    try {
      await issueTokens(a.baseUrl, client, 2);
      await flush(a);
      expect(await a.dataSource.query('SELECT * FROM oauth_application_usage_away WHERE applicationId = ?', [client.id])).toEqual([]);
    } finally {
      await a.dataSource.query('ALTER TABLE oauth_application_usage_away RENAME TO oauth_application_usage');
    }
    await issueTokens(a.baseUrl, client, 1);
    await flush(a);

    expect(await stored(a, client.id)).toEqual([expect.objectContaining({ tokensIssued: 3 })]);
  });

  it('drops the counts of an application deleted before they were written, and writes the others', async () => {
    const kept = await machine('Kept');
    const deleted = await machine('Deleted before the flush');
    await issueTokens(a.baseUrl, kept, 1);
    await issueTokens(a.baseUrl, deleted, 1);
    expect((await admin.delete(`${BASE}/${deleted.id}`)).status).toBe(200);
    await flush(a);

    expect(await stored(a, kept.id)).toEqual([expect.objectContaining({ tokensIssued: 1 })]);
    expect(await stored(a, deleted.id)).toEqual([]);
  });

  it('answers 30 zero-filled days by default, oldest first, placing stored days where they belong', async () => {
    const client = await machine('Zero filled');
    await a.dataSource.getRepository(ApplicationUsage).insert([
      { applicationId: client.id, day: utcDay(daysAgo(2)), tokensIssued: 5, failedAuthentications: 1 },
      { applicationId: client.id, day: utcDay(daysAgo(29)), tokensIssued: 7, failedAuthentications: 0 },
      // Older than the 30 days asked for: not in the answer.
      { applicationId: client.id, day: utcDay(daysAgo(30)), tokensIssued: 9, failedAuthentications: 9 },
    ]);

    const { status, body } = await usageOf(admin, client.id);
    expect(status).toBe(200);
    expect(body.days.map((day) => day.day)).toEqual(Array.from({ length: 30 }, (_, i) => utcDay(daysAgo(29 - i))));
    expect(body.days[0]).toEqual({ day: utcDay(daysAgo(29)), tokensIssued: 7, failedAuthentications: 0 });
    expect(body.days[27]).toEqual({ day: utcDay(daysAgo(2)), tokensIssued: 5, failedAuthentications: 1 });
    expect(body.days.reduce((sum, day) => sum + day.tokensIssued, 0)).toBe(12);
    expect((await usageOf(admin, client.id, '?days=366')).body.days).toHaveLength(366);
  });

  it.each([['0'], ['367'], ['1.5'], ['week'], ['-1']])('refuses days=%s with 400 at the field', async (days) => {
    const client = await machine(`Bad days ${days}`);
    const answer = await usageOf(admin, client.id, `?days=${days}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ message: 'The usage request is not valid.', errors: { days: 'Ask for a whole number of days from 1 to 366.' } });
  });

  it("shows an application's usage to whoever may see the application, and to no one else", async () => {
    const hidden = await createOrganization(a.dataSource, 'Hidden');
    const strangerId = (await createUser(a.dataSource, { username: 'stranger', password: 'stranger-password', organizations: [hidden] })).id;
    const stranger = await a.signedIn('stranger', 'stranger-password');
    const foreign = await createClient(stranger, { name: 'Foreign', grants: ['client_credentials'], userId: strangerId });
    await createUser(a.dataSource, { username: 'local.admin', password: 'local-admin-password', organizations: [{ id: 1 }] });
    const localAdmin = await a.signedIn('local.admin', 'local-admin-password');
    expect((await usageOf(localAdmin, foreign.id)).status).toBe(404);
    expect((await usageOf(stranger, foreign.id)).status).toBe(200);
    // A platform operator manages every organization.
    expect((await usageOf(admin, foreign.id)).status).toBe(200);
    expect((await usageOf(admin, 999_999)).status).toBe(404);
    expect((await admin.get(`${BASE}/abc/usage`)).status).toBe(400);

    await createRole(a.dataSource, 'ROLE_APP_VIEWER', ['oauth_applications.view']);
    await createUser(a.dataSource, { username: 'viewer', password: 'viewer-password', organizations: [{ id: 1 }], roles: ['ROLE_APP_VIEWER'] });
    const plainId = (await createUser(a.dataSource, { username: 'plain', password: 'plain-password', organizations: [{ id: 1 }], roles: ['ROLE_USER'] })).id;
    const client = await machine('Watched');
    expect((await usageOf(await a.signedIn('viewer', 'viewer-password'), client.id)).status).toBe(200);
    const plain = await a.signedIn('plain', 'plain-password');
    expect((await usageOf(plain, client.id)).status).toBe(403);
    // As for GET of the application: a user may see the back-office applications acting as themselves.
    const own = await createClient(admin, { name: 'Acts as plain', grants: ['client_credentials'], userId: plainId });
    expect((await usageOf(plain, own.id)).status).toBe(200);
    expect((await a.client().get(`${BASE}/${client.id}/usage`)).status).toBe(401);
  });

  it('deletes the days no usage request can reach any more', async () => {
    const client = await machine('Old usage');
    await a.dataSource.getRepository(ApplicationUsage).insert([
      { applicationId: client.id, day: utcDay(daysAgo(400)), tokensIssued: 1, failedAuthentications: 0 },
      { applicationId: client.id, day: utcDay(daysAgo(366)), tokensIssued: 1, failedAuthentications: 0 },
      { applicationId: client.id, day: utcDay(daysAgo(365)), tokensIssued: 2, failedAuthentications: 0 },
    ]);
    const deleted = await a.app.get(OAuthCleanup).deleteExpired(new Date());
    expect(deleted['oauth_application_usage']).toBeGreaterThanOrEqual(2);
    expect((await stored(a, client.id)).map((row) => row.day)).toEqual([utcDay(daysAgo(365))]);
    expect((await usageOf(admin, client.id, '?days=366')).body.days[0]).toEqual({ day: utcDay(daysAgo(365)), tokensIssued: 2, failedAuthentications: 0 });
  });
});

describe(`dormant applications on ${TEST_DIALECT}`, () => {
  let a: TestApp;
  let admin: HttpClient;

  beforeAll(async () => {
    a = await startTestApp(POLICY);
    admin = await a.signedIn();
  });
  afterAll(() => a.close());

  const machine = (name: string): Promise<Client> => createClient(admin, { name, grants: ['client_credentials'], userId: 1 });
  const names = (list: OAuthApplicationDto[]) => list.map((item) => item.name).sort();

  it('flags applications unused for DORMANT_AFTER_DAYS, counting from creation when never used, and filters the grid on it', async () => {
    const fresh = await machine('Grid fresh');
    const neverUsed = await machine('Grid never used');
    const idle = await machine('Grid idle');
    const busy = await machine('Grid busy');
    await setDates(a, neverUsed.id, { createdAt: daysAgo(31) });
    await setDates(a, idle.id, { createdAt: daysAgo(100), lastUsedAt: daysAgo(31) });
    await setDates(a, busy.id, { createdAt: daysAgo(100), lastUsedAt: daysAgo(29) });

    const list = (filter: object) => admin.get<OAuthApplicationDto[]>(`${BASE}?filter=${encodeURIComponent(JSON.stringify({ name: 'Grid', ...filter }))}`);
    expect(names((await list({ dormant: true })).body)).toEqual(['Grid idle', 'Grid never used']);
    expect(names((await list({ dormant: false })).body)).toEqual(['Grid busy', 'Grid fresh']);
    expect((await list({ dormant: true })).headers.get('content-range')).toBe('oauth-applications 0-1/2');
    expect(Object.fromEntries((await list({})).body.map((item) => [item.name, item.dormant]))).toEqual({
      'Grid fresh': false,
      'Grid never used': true,
      'Grid idle': true,
      'Grid busy': false,
    });
    expect((await admin.get<OAuthApplicationDto>(`${BASE}/${idle.id}`)).body.dormant).toBe(true);
    expect((await admin.get<OAuthApplicationDto>(`${BASE}/${fresh.id}`)).body.dormant).toBe(false);

    const refused = await list({ dormant: 'sometimes' });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ message: expect.any(String), errors: { filter: 'dormant must be true or false' } });
  });

  it('tells the console the policy', async () => {
    expect((await admin.get<DormancyPolicyDto>('/admin/api/system/dormancy')).body).toEqual({ dormantAfterDays: 30, deactivateAfterDays: 7 });
  });

  it('keeps an edited application the console sends back whole, `dormant` included', async () => {
    const client = await machine('Edited whole');
    const { body: record } = await admin.get<OAuthApplicationDto>(`${BASE}/${client.id}`);
    const answer = await admin.request<OAuthApplicationDto>('PUT', `${BASE}/${client.id}`, { ...record, scopes: ['read'] }, {});
    expect(answer.status).toBe(200);
    expect(answer.body.scopes).toEqual(['read']);
  });
});

describe(`the dormancy deactivation policy on ${TEST_DIALECT}`, () => {
  let instances: TwoInstances;
  let a: TestApp;
  let b: TestApp;
  let admin: HttpClient;
  let ownerId: number;

  beforeAll(async () => {
    // Two instances on one database: each runs the check, exactly one acts on each application.
    instances = await startTwoInstances();
    ({ a, b, admin, ownerId } = instances);
  });
  afterAll(() => stopTwoInstances(instances));

  const machine = (name: string): Promise<Client> => createClient(admin, { name, grants: ['client_credentials'], userId: ownerId });
  const application = (id: number) => a.dataSource.getRepository(OAuthApplication).findOneByOrFail({ id });
  const mailsAbout = (event: string, name: string) =>
    a.dataSource
      .getRepository(OutboxEmail)
      .find({ where: { event }, order: { id: 'ASC' } })
      .then((mails) => mails.filter((mail) => mail.subject.includes(name)));
  const run = (t: TestApp = a) => t.app.get(DormantApplicationWatcher).run();
  /**
   * Both instances check at once on MySQL. Two SQLite connections in one process would wait on
   * each other with the event loop blocked (better-sqlite3 is synchronous), so there they take
   * turns, as separate processes would.
   */
  const runBoth = async (): Promise<DormancyCheck> => {
    const [first, second] = TEST_DIALECT === 'mysql' ? await Promise.all([run(a), run(b)]) : [await run(a), await run(b)];
    return { warned: first.warned + second.warned, deactivated: first.deactivated + second.deactivated };
  };

  it('warns the owner once, from whichever instance checks first, then deactivates after the grace period', async () => {
    const client = await machine('Policy idle');
    await setDates(a, client.id, { createdAt: daysAgo(45), lastUsedAt: daysAgo(40) });

    expect(await runBoth()).toEqual({ warned: 1, deactivated: 0 });
    expect(await run(a)).toEqual({ warned: 0, deactivated: 0 });
    const warnings = await mailsAbout('oauth_application.dormant', 'Policy idle');
    expect(warnings).toEqual([
      expect.objectContaining({ recipient: 'owner@example.com', subject: 'OAuth application Policy idle is unused and will be deactivated', organizationId: 1 }),
    ]);
    const warnedAt = (await application(client.id)).dormantWarnedAt;
    expect(warnedAt).not.toBeNull();
    expect(warnings[0].html).toContain('Olga Owner');
    expect(warnings[0].html).toContain(daysAgo(40).toUTCString().slice(0, 16));
    expect(warnings[0].html).toContain(new Date((warnedAt as Date).getTime() + 7 * DAY).toUTCString().slice(0, 16));

    // Six days into the grace period: still active.
    await setDates(a, client.id, { dormantWarnedAt: daysAgo(6) });
    expect((await run(a)).deactivated).toBe(0);
    expect((await application(client.id)).active).toBe(true);

    await setDates(a, client.id, { dormantWarnedAt: daysAgo(7.01) });
    expect(await runBoth()).toEqual({ warned: 0, deactivated: 1 });
    const deactivated = await application(client.id);
    expect(deactivated).toEqual(expect.objectContaining({ active: false, dormantWarnedAt: null }));
    // The console's deactivation, mail included: the owner hears of it once.
    expect(await mailsAbout('oauth_application.deactivated', 'Policy idle')).toEqual([expect.objectContaining({ recipient: 'owner@example.com' })]);
    expect((await token(a.baseUrl, { grant_type: 'client_credentials' }, { client })).status).toBe(401);
    expect(await run(a)).toEqual({ warned: 0, deactivated: 0 });
  });

  it('cancels the warning when the application gets a token again', async () => {
    const client = await machine('Policy revived');
    await setDates(a, client.id, { createdAt: daysAgo(60) });
    expect((await run(a)).warned).toBe(1);

    await issueTokens(b.baseUrl, client, 1);
    await b.app.get(UsageRecorder).flush();
    expect(await application(client.id)).toEqual(expect.objectContaining({ dormantWarnedAt: null, active: true }));
    expect((await admin.get<OAuthApplicationDto>(`${BASE}/${client.id}`)).body.dormant).toBe(false);

    expect(await run(a)).toEqual({ warned: 0, deactivated: 0 });
    expect((await application(client.id)).active).toBe(true);
    expect(await mailsAbout('oauth_application.dormant', 'Policy revived')).toHaveLength(1);
  });

  it('warns again, with a new grace period, when an administrator reactivates an application still unused', async () => {
    const client = await machine('Policy reactivated');
    await setDates(a, client.id, { createdAt: daysAgo(60) });
    expect((await run(a)).warned).toBe(1);
    await setDates(a, client.id, { dormantWarnedAt: daysAgo(8) });
    expect((await run(a)).deactivated).toBe(1);

    expect((await admin.post(`${BASE}/${client.id}/activate`)).status).toBe(200);
    expect(await run(a)).toEqual({ warned: 1, deactivated: 0 });
    expect((await application(client.id)).active).toBe(true);
    expect(await mailsAbout('oauth_application.dormant', 'Policy reactivated')).toHaveLength(2);
  });

  it('leaves inactive applications and those still in use alone', async () => {
    const inactive = await createClient(admin, { name: 'Policy inactive', grants: ['client_credentials'], userId: ownerId, active: false });
    const used = await machine('Policy used');
    await setDates(a, inactive.id, { createdAt: daysAgo(60) });
    await setDates(a, used.id, { createdAt: daysAgo(60), lastUsedAt: daysAgo(3) });
    expect(await run(a)).toEqual({ warned: 0, deactivated: 0 });
    expect((await application(inactive.id)).dormantWarnedAt).toBeNull();
    expect((await application(used.id)).dormantWarnedAt).toBeNull();
  });
});

describe(`dormancy without the deactivation policy on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('flags after 90 days by default, and never warns nor deactivates', async () => {
    const admin = await t.signedIn();
    const client = await createClient(admin, { name: 'Unwatched', grants: ['client_credentials'], userId: 1 });
    await setDates(t, client.id, { createdAt: daysAgo(89) });
    expect((await admin.get<OAuthApplicationDto>(`${BASE}/${client.id}`)).body.dormant).toBe(false);
    await setDates(t, client.id, { createdAt: daysAgo(365) });
    expect((await admin.get<OAuthApplicationDto>(`${BASE}/${client.id}`)).body.dormant).toBe(true);
    expect((await admin.get<DormancyPolicyDto>('/admin/api/system/dormancy')).body).toEqual({ dormantAfterDays: 90, deactivateAfterDays: null });

    expect(await t.app.get(DormantApplicationWatcher).run()).toEqual({ warned: 0, deactivated: 0 });
    expect((await t.dataSource.getRepository(OAuthApplication).findOneByOrFail({ id: client.id })).active).toBe(true);
  });
});
