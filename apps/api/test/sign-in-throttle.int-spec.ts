import { CustomerUser, PasswordHasher, User } from '@keyhouse/api-identity';
import { freshDatabase, TEST_DIALECT, type TestDatabase } from './support/databases';
import { hiddenFields, postForm } from './support/authorize';
import { createCustomerUser, createUser } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { createClient, token, type Client } from './support/oauth';
import { startTestApp, type TestApp } from './support/test-app';

const LIMIT = 5;
// Every test signs in from 127.0.0.1: the address's own limit stays out of the way.
const THROTTLE = { SIGN_IN_MAX_FAILURES: String(LIMIT), SIGN_IN_MAX_FAILURES_PER_IP: '10000', SIGN_IN_WINDOW: '600' };

interface Outcome {
  status: number;
  body: unknown;
  retryAfter: string | null;
}

type Door = (login: string, password: string) => Promise<Outcome>;

const consoleDoor =
  (t: TestApp): Door =>
  async (username, password) => {
    const answer = await t.client().post('/admin/api/session', { username, password });
    return { status: answer.status, body: answer.body, retryAfter: answer.headers.get('retry-after') };
  };

const grantDoor =
  (t: TestApp, client: Client): Door =>
  async (username, password) => {
    const answer = await token(t.baseUrl, { grant_type: 'password', username, password }, { client });
    return { status: answer.status, body: answer.body, retryAfter: answer.headers.get('retry-after') };
  };

/** The authorization flow's sign-in page, opened in a new browser: the page first, then the form. */
async function openSignInPage(t: TestApp, audience: 'back-office' | 'storefront' = 'back-office'): Promise<Door> {
  const browser = t.client();
  const page = await browser.get<string>(`/oauth2-token/sign-in?${new URLSearchParams({ return_to: '/oauth2-token/authorize?client_id=x', audience })}`);
  const fields = hiddenFields(page.body);
  return async (username, password) => {
    const answer = await postForm(browser, '/oauth2-token/sign-in', { ...fields, username, password });
    return { status: answer.status, body: answer.body, retryAfter: answer.headers.get('retry-after') };
  };
}

/**
 * A back-office user whose digest has the production cost, as real accounts do (fixtures use a
 * cheap one): checking a password takes long enough for parallel attempts to overlap.
 */
async function createRealUser(t: TestApp, username: string, password: string): Promise<void> {
  const { id } = await createUser(t.dataSource, { username, password, organizations: [{ id: 1 }] });
  await t.dataSource.getRepository(User).update(id, { passwordHash: await t.app.get(PasswordHasher).hash(password) });
}

async function createRealCustomer(t: TestApp, email: string, password: string): Promise<void> {
  const { id } = await createCustomerUser(t.dataSource, { email, organization: { id: 1 } });
  await t.dataSource.getRepository(CustomerUser).update(id, { passwordHash: await t.app.get(PasswordHasher).hash(password) });
}

/** Attempts sent all at once; answers other than 429 are the ones whose password was checked. */
async function inParallel(attempts: Array<() => Promise<Outcome>>): Promise<{ evaluated: Outcome[]; throttled: Outcome[] }> {
  const outcomes = await Promise.all(attempts.map((attempt) => attempt()));
  return { evaluated: outcomes.filter(({ status }) => status !== 429), throttled: outcomes.filter(({ status }) => status === 429) };
}

const wrongPasswords = (count: number, door: (i: number) => Door, login: (i: number) => string) =>
  Array.from({ length: count }, (_, i) => () => door(i)(login(i), `wrong-${i}`));

describe(`sign-in throttle: one count per account and address, reserved before the password is checked (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let admin: HttpClient;
  let backOfficeApp: Client;
  let storefrontApp: Client;
  const signIn = () => consoleDoor(t);

  beforeAll(async () => {
    t = await startTestApp(THROTTLE);
    admin = await t.signedIn();
    backOfficeApp = await createClient(admin, { name: 'Password app', grants: ['password'] });
    storefrontApp = await createClient(admin, { name: 'Store password app', grants: ['password'], frontend: true });
  });
  afterAll(() => t.close());

  it(`evaluates at most ${LIMIT} of 30 parallel wrong passwords for one account, refuses the rest, then the right one too`, async () => {
    await createRealUser(t, 'racer', 'racer-password');
    const { evaluated, throttled } = await inParallel(wrongPasswords(30, signIn, () => 'racer'));
    expect(evaluated.length).toBeLessThanOrEqual(LIMIT);
    expect(evaluated.map(({ status }) => status)).toEqual(evaluated.map(() => 401));
    expect(throttled).toHaveLength(30 - evaluated.length);
    expect(throttled[0].retryAfter).toMatch(/^\d+$/);

    const right = await signIn()('racer', 'racer-password');
    expect(right.status).toBe(429);
  });

  it('counts the username, the email in any case, the sign-in page and the password grant as one account', async () => {
    await createRealUser(t, 'mixer', 'mixer-password');
    const pages = await Promise.all(Array.from({ length: 8 }, () => openSignInPage(t)));
    const doors: Door[] = [signIn(), grantDoor(t, backOfficeApp), ...pages];
    const logins = ['mixer', 'MIXER@example.com', 'Mixer', ' mixer@EXAMPLE.com '];
    const { evaluated, throttled } = await inParallel(wrongPasswords(24, (i) => doors[i % 3 === 2 ? 2 + (i % 8) : i % 3], (i) => logins[i % 4]));
    expect(evaluated.length).toBeLessThanOrEqual(LIMIT);
    expect(throttled).toHaveLength(24 - evaluated.length);

    expect((await grantDoor(t, backOfficeApp)('MIXER@EXAMPLE.COM', 'mixer-password')).status).toBe(429);
    expect((await signIn()('mixer', 'mixer-password')).status).toBe(429);
    expect((await (await openSignInPage(t))('Mixer@example.com', 'mixer-password')).status).toBe(429);
  });

  it('counts a customer user once across the storefront sign-in page and storefront password grants', async () => {
    await createRealCustomer(t, 'buyer@example.com', 'buyer-password');
    const pages = await Promise.all(Array.from({ length: 10 }, () => openSignInPage(t, 'storefront')));
    const grant = grantDoor(t, storefrontApp);
    const { evaluated } = await inParallel(wrongPasswords(20, (i) => (i % 2 ? grant : pages[i / 2]), (i) => (i % 2 ? 'Buyer@Example.com' : 'buyer@example.com')));
    expect(evaluated.length).toBeLessThanOrEqual(LIMIT);

    expect((await grant('buyer@example.com', 'buyer-password')).status).toBe(429);
    expect((await (await openSignInPage(t, 'storefront'))('buyer@example.com', 'buyer-password')).status).toBe(429);
  });

  it('answers a login that names no account exactly like a wrong password for a real one, at the limit and in a burst', async () => {
    await createRealUser(t, 'known', 'known-password');
    await createRealUser(t, 'granted', 'granted-password');
    const cases: Array<[Door, string, string, number]> = [
      [signIn(), 'known', 'nobody-at-all', 401],
      [grantDoor(t, backOfficeApp), 'granted@example.com', 'nobody@example.com', 400],
    ];
    for (const [door, known, unknown, refused] of cases) {
      for (let i = 0; i <= LIMIT; i++) {
        const [wrong, missing] = [await door(known, `wrong-${i}`), await door(unknown, `wrong-${i}`)];
        const status = i < LIMIT ? refused : 429;
        expect([wrong.status, missing.status]).toEqual([status, status]);
        expect(withoutSeconds(missing.body)).toEqual(withoutSeconds(wrong.body));
        expect(missing.retryAfter === null).toBe(wrong.retryAfter === null);
      }
    }

    await createRealUser(t, 'burst', 'burst-password');
    const burst = async (login: string) => (await Promise.all(wrongPasswords(20, signIn, () => login).map((attempt) => attempt()))).map(({ status }) => status).sort();
    const [real, nobody] = [await burst('burst'), await burst('nobody-in-a-burst')];
    expect(real.filter((status) => status !== 429).length).toBeLessThanOrEqual(LIMIT);
    expect(nobody).toEqual(real);
  });

  it('lets the right password in below the limit, after which the account counts from zero', async () => {
    await createRealUser(t, 'forgetful', 'forgetful-password');
    for (let i = 0; i < LIMIT - 1; i++) expect((await signIn()('forgetful', `wrong-${i}`)).status).toBe(401);
    expect((await grantDoor(t, backOfficeApp)('forgetful@example.com', 'forgetful-password')).status).toBe(200);

    for (let i = 0; i < LIMIT; i++) expect((await signIn()('Forgetful', `again-${i}`)).status).toBe(401);
    expect((await signIn()('forgetful', 'forgetful-password')).status).toBe(429);
  });

  it('refuses logins over 255 characters with 400 on the three doors, before counting anything', async () => {
    const long = `${'a'.repeat(244)}@example.com`;
    expect(long).toHaveLength(256);
    const rowsBefore = await countRows(t);

    const viaConsole = await signIn()(long, 'x');
    expect(viaConsole).toEqual(expect.objectContaining({ status: 400, body: { message: 'Both username and password are required.', errors: { username: 'Use at most 255 characters.' } } }));
    const viaPage = await (await openSignInPage(t))(long, 'x');
    expect(viaPage.status).toBe(400);
    expect(viaPage.body).toContain('The username or email must be at most 255 characters.');
    const viaStorefrontPage = await (await openSignInPage(t, 'storefront'))(long, 'x');
    expect(viaStorefrontPage.status).toBe(400);
    expect(viaStorefrontPage.body).toContain('The email must be at most 255 characters.');
    const viaGrant = await grantDoor(t, backOfficeApp)(long, 'x');
    expect(viaGrant).toEqual(expect.objectContaining({ status: 400, body: { error: 'invalid_request', error_description: 'The username must be at most 255 characters.' } }));

    expect(await countRows(t)).toBe(rowsBefore);
    // 255 characters are a login like any other.
    expect((await signIn()(long.slice(1), 'x')).status).toBe(401);
  });
});

describe(`sign-in throttle: two instances on one ${TEST_DIALECT} database count together`, () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    database = await freshDatabase();
    a = await startTestApp(THROTTLE, { database });
    b = await startTestApp(THROTTLE, { database });
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await database.drop();
  });

  it(`evaluates at most ${LIMIT} of 30 parallel wrong passwords sent to both`, async () => {
    await createRealUser(a, 'shared', 'shared-password');
    const doors = [consoleDoor(a), consoleDoor(b)];
    const { evaluated, throttled } = await inParallel(wrongPasswords(30, (i) => doors[i % 2], () => 'shared'));
    expect(evaluated.length).toBeLessThanOrEqual(LIMIT);
    expect(throttled).toHaveLength(30 - evaluated.length);

    expect((await consoleDoor(a)('shared', 'shared-password')).status).toBe(429);
    expect((await consoleDoor(b)('shared', 'shared-password')).status).toBe(429);
  });
});

describe(`sign-in throttle: a stranger typing an account's name locks out nobody but the stranger (${TEST_DIALECT})`, () => {
  let t: TestApp;
  let backOfficeApp: Client;
  const STRANGER = { 'x-forwarded-for': '198.51.100.66' };
  const OWNER = { 'x-forwarded-for': '203.0.113.5' };
  const atConsole = (headers: Record<string, string>) => async (username: string, password: string) =>
    (await t.client().post('/admin/api/session', { username, password }, headers)).status;
  const byGrant = (headers: Record<string, string>) => async (username: string, password: string) =>
    (await token(t.baseUrl, { grant_type: 'password', username, password }, { client: backOfficeApp, headers })).status;

  beforeAll(async () => {
    // Behind one proxy, which names each client's address.
    t = await startTestApp({ ...THROTTLE, TRUST_PROXY: 'true' });
    backOfficeApp = await createClient(await t.signedIn(), { name: 'Password app', grants: ['password'] });
    await createRealUser(t, 'owner', 'owner-password');
  });
  afterAll(() => t.close());

  it('refuses the stranger after the limit, through the console and the password grant, and lets the owner in from their address', async () => {
    const stranger = [atConsole(STRANGER), byGrant(STRANGER)];
    const statuses = [];
    for (let i = 0; i < LIMIT + 4; i++) statuses.push(await stranger[i % 2]('owner', `guess-${i}`));
    expect(statuses.slice(0, LIMIT)).toEqual([401, 400, 401, 400, 401]);
    expect(statuses.slice(LIMIT)).toEqual([429, 429, 429, 429]);
    // The stranger's count is full: even the right password is refused there.
    expect(await atConsole(STRANGER)('owner', 'owner-password')).toBe(429);

    expect(await atConsole(OWNER)('owner', 'owner-password')).toBe(200);
    expect(await byGrant(OWNER)('OWNER@example.com', 'owner-password')).toBe(200);
  });
});

/** The throttle's answer names the seconds left, which may tick between two answers. */
function withoutSeconds(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body).replace(/in \d+ seconds/g, 'in N seconds'));
}

async function countRows(t: TestApp): Promise<number> {
  const [{ n }] = (await t.dataSource.query('SELECT COUNT(*) AS n FROM sign_in_failures')) as Array<{ n: number | string }>;
  return Number(n);
}
