import { createHash } from 'node:crypto';
import { SsoRequest } from '@keyhouse/api-identity';
import type { AuditEventDto, SessionDto } from '@keyhouse/shared-contracts';
import { Browser, type Page } from './support/browser';
import { freshDatabase, TEST_DIALECT, type TestDatabase } from './support/databases';
import { createUser } from './support/fixtures';
import { HttpClient } from './support/http-client';
import { startSsoProvider, type SsoProvider } from './support/sso-provider';
import { startTestApp, type TestApp } from './support/test-app';

/** The console's address as the provider knows it; the test browser sends it to whichever instance. */
const ISSUER = 'http://keyhouse.test';
const START = `${ISSUER}/admin/api/session/sso`;
const CALLBACK = `${ISSUER}/admin/api/session/sso/callback`;
const CLIENT_ID = 'keyhouse-console';
const CLIENT_SECRET = 'sso-client-secret-that-never-leaks';

const filter = (value: Record<string, unknown>) => `?filter=${encodeURIComponent(JSON.stringify(value))}&range=${encodeURIComponent('[0,99]')}`;

/**
 * Console single sign-on (issue 14) against a real OAuth 2.0 provider: node-oidc-provider in its
 * own process (tools/sso-test-provider.mjs), driven through its sign-in and consent pages as a
 * browser would, with two instances of Keyhouse on one database behind one address.
 */
describe(`console single sign-on through a real provider, on ${TEST_DIALECT}`, () => {
  let provider: SsoProvider;
  let database: TestDatabase;
  let t: TestApp;
  let other: TestApp;
  let admin: HttpClient;

  beforeAll(async () => {
    provider = await startSsoProvider({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: CALLBACK });
    database = await freshDatabase();
    const env = { ISSUER, SSO_NAME: 'Acme ID', ...provider.settings };
    t = await startTestApp(env, { database });
    other = await startTestApp(env, { database });
    admin = await t.signedIn();
    await createUser(t.dataSource, { username: 'sso-user', organizations: [{ id: 1 }] });
    await createUser(t.dataSource, { username: 'sso-disabled', organizations: [{ id: 1 }], enabled: false });
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
    await database?.drop();
    await provider?.stop();
  });

  const browser = () => new Browser({ [ISSUER]: t.baseUrl });

  /** From the console's button to the provider's sign-in page. */
  async function toProvider(visitor: Browser): Promise<Page> {
    return visitor.follow(await visitor.get(START));
  }

  /** Signs in at the provider as `login` and consents: answers the provider's redirect to the callback, not yet followed. */
  async function throughProvider(visitor: Browser, login: string): Promise<Page> {
    const consent = await visitor.follow(await visitor.submit(await toProvider(visitor), { login, password: 'any password' }));
    return visitor.follow(await visitor.submit(consent), CALLBACK);
  }

  /** The whole flow: Keyhouse's answer to the callback. */
  async function signInWith(login: string, visitor = browser()): Promise<Page> {
    const toCallback = await throughProvider(visitor, login);
    return visitor.get(toCallback.location as URL);
  }

  const refusedWith = (page: Page) => (page.location?.pathname === '/admin/login' ? page.location.searchParams.get('sso_error') : `not refused: ${page.status} ${page.location}`);

  const eventsOf = async (action: string): Promise<AuditEventDto[]> => (await admin.get<AuditEventDto[]>(`/admin/api/audit-events${filter({ action })}`)).body;

  it('offers the provider to the sign-in page', async () => {
    const answer = await t.client().get('/admin/api/session/providers');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([{ id: 'sso', name: 'Acme ID', url: '/admin/api/session/sso' }]);
  });

  it('redirects to the provider with a state and a PKCE S256 challenge, bound to this browser by a cookie', async () => {
    const start = await browser().get(START);
    expect(start.status).toBe(302);
    const location = start.location as URL;
    expect(`${location.origin}${location.pathname}`).toBe(`${provider.issuer}/auth`);
    const state = location.searchParams.get('state') ?? '';
    expect(Object.fromEntries(location.searchParams)).toEqual({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: CALLBACK,
      scope: 'openid email',
      state: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
    });
    expect(location.toString()).not.toContain(CLIENT_SECRET);
    expect(start.setCookies).toEqual([expect.stringMatching(/^keyhouse_sso=[\w-]{43}; Max-Age=600; Path=\/admin\/api\/session\/sso; HttpOnly; SameSite=Lax$/)]);
    // Only digests are stored: the row neither names the state nor the browser's key.
    const stored = await t.dataSource.getRepository(SsoRequest).findOneByOrFail({ stateDigest: createHash('sha256').update(state).digest('hex') });
    expect(JSON.stringify(stored)).not.toContain(state);
  });

  it('signs in the enabled user whose email the provider vouches for, in any letter case, with a normal console session', async () => {
    const visitor = browser();
    const answer = await signInWith('SSO-User@Example.COM', visitor);
    expect(answer.status).toBe(302);
    expect(answer.location?.toString()).toBe(`${ISSUER}/admin/`);
    expect(answer.setCookies).toEqual(
      expect.arrayContaining([expect.stringMatching(/^keyhouse_session=[\w-]{43};.* HttpOnly; SameSite=Lax$/), expect.stringMatching(/^keyhouse_sso=;/)]),
    );

    const console = new HttpClient(t.baseUrl);
    console.cookie = `keyhouse_session=${visitor.cookie(ISSUER, 'keyhouse_session')}`;
    const session = await console.get<SessionDto>('/admin/api/session');
    expect(session.status).toBe(200);
    expect(session.body.user.username).toBe('sso-user');
    // The same CSRF rule as a password's session: refused without the token, accepted with it.
    expect((await console.delete('/admin/api/session', { 'x-csrf-token': '' })).status).toBe(403);
    console.csrfToken = session.body.csrfToken;
    expect((await console.delete('/admin/api/session')).status).toBe(204);

    const [signedIn] = await eventsOf('sso.signed_in');
    expect(signedIn).toMatchObject({ actor: { name: 'sso-user' }, target: { type: 'user', name: 'sso-user' }, organizationIds: [1], after: { provider: 'Acme ID' } });
  });

  it.each([
    ['an email no user has', 'nobody@example.com', 'no_account', 'no_account'],
    ['the email of a disabled user', 'sso-disabled@example.com', 'no_account', 'disabled'],
    ['an email the provider has not verified', 'unverified:sso-user@example.com', 'unverified', 'unverified'],
    ['no email at all', 'anonymous', 'no_email', 'no_email'],
  ])('refuses %s: no session, the sign-in page says why, and the attempt is audited', async (_, login, shown, reason) => {
    const answer = await signInWith(login);
    expect(refusedWith(answer)).toBe(shown);
    expect(answer.setCookies.filter((cookie) => cookie.startsWith('keyhouse_session='))).toEqual([]);
    const [failed] = await eventsOf('sso.sign_in_failed');
    expect(failed).toMatchObject({ actor: { id: null }, after: { provider: 'Acme ID', reason } });
  });

  it('refuses when the person cancels at the provider (access_denied)', async () => {
    const visitor = browser();
    const signInPage = await toProvider(visitor);
    const cancel = /href="([^"]*\/abort)"/.exec(signInPage.body)?.[1] as string;
    const toCallback = await visitor.follow(await visitor.get(new URL(cancel, signInPage.url)), CALLBACK);
    expect(toCallback.location?.searchParams.get('error')).toBe('access_denied');
    expect(refusedWith(await visitor.get(toCallback.location as URL))).toBe('denied');
    expect((await eventsOf('sso.sign_in_failed'))[0]).toMatchObject({ target: { id: null, name: 'unidentified' }, after: { reason: 'denied' } });
  });

  it('refuses a callback in a browser that did not start it (login CSRF), which spends it', async () => {
    const attacker = browser();
    const toCallback = await throughProvider(attacker, 'sso-user@example.com');
    const victim = browser();
    expect(refusedWith(await victim.get(toCallback.location as URL))).toBe('expired');
    expect(victim.cookie(ISSUER, 'keyhouse_session')).toBeUndefined();
    expect(refusedWith(await attacker.get(toCallback.location as URL))).toBe('expired');
  });

  it('takes each state once: a replayed callback is refused, even with the browser\'s own cookie', async () => {
    const visitor = browser();
    const toCallback = await throughProvider(visitor, 'sso-user@example.com');
    const browserKey = visitor.cookie(ISSUER, 'keyhouse_sso') as string;
    expect((await visitor.get(toCallback.location as URL)).location?.pathname).toBe('/admin/');
    visitor.setCookie(ISSUER, 'keyhouse_sso', browserKey);
    expect(refusedWith(await visitor.get(toCallback.location as URL))).toBe('expired');
  });

  it('refuses a callback after the request expired', async () => {
    const visitor = browser();
    const toCallback = await throughProvider(visitor, 'sso-user@example.com');
    await t.dataSource.createQueryBuilder().update(SsoRequest).set({ expiresAt: new Date(Date.now() - 1000) }).execute();
    expect(refusedWith(await visitor.get(toCallback.location as URL))).toBe('expired');
  });

  it('is stateless: started on one instance, finished on the other', async () => {
    const visitor = browser();
    const toCallback = await throughProvider(visitor, 'sso-user@example.com');
    visitor.aliases[ISSUER] = other.baseUrl;
    expect((await visitor.get(toCallback.location as URL)).location?.pathname).toBe('/admin/');
  });

  it('keeps the client secret and the provider\'s code out of the audit trail and the database', async () => {
    const visitor = browser();
    const toCallback = await throughProvider(visitor, 'nobody-else@example.com');
    const code = toCallback.location?.searchParams.get('code') as string;
    expect(code).toBeTruthy();
    await visitor.get(toCallback.location as URL);
    const stored = JSON.stringify([await t.dataSource.query('SELECT * FROM audit_events'), await t.dataSource.query('SELECT * FROM sso_requests')]);
    expect(stored).not.toContain(CLIENT_SECRET);
    expect(stored).not.toContain(code);
  });

  it('refuses, and says so, when the provider refuses the code exchange (a wrong client secret)', async () => {
    const misconfigured = await startTestApp({ ISSUER, SSO_NAME: 'Acme ID', ...provider.settings, SSO_CLIENT_SECRET: 'not-the-secret' });
    try {
      const visitor = new Browser({ [ISSUER]: misconfigured.baseUrl });
      expect(refusedWith(await signInWith('sso-user@example.com', visitor))).toBe('failed');
      const failures = (await misconfigured.dataSource.query('SELECT * FROM audit_events WHERE action = ?', ['sso.sign_in_failed'])) as Array<{ after: string }>;
      expect(failures.map(({ after }) => JSON.parse(after) as unknown)).toEqual([{ provider: 'Acme ID', reason: 'failed' }]);
      expect(JSON.stringify(failures)).not.toContain('not-the-secret');
    } finally {
      await misconfigured.close();
    }
  });

  it('refuses a start from an address with SIGN_IN_MAX_FAILURES_PER_IP sign-ins waiting for the provider, until one expires', async () => {
    const guarded = await startTestApp({ ISSUER, SSO_NAME: 'Acme ID', ...provider.settings, TRUST_PROXY: 'true', SIGN_IN_MAX_FAILURES_PER_IP: '3' });
    const startFrom = (address: string) => guarded.client().get('/admin/api/session/sso', { 'x-forwarded-for': address });
    const wentTo = (answer: { status: number; headers: Headers }) => [answer.status, new URL(answer.headers.get('location') ?? '', ISSUER).pathname];
    try {
      for (let started = 0; started < 3; started++) expect(wentTo(await startFrom('203.0.113.7'))).toEqual([302, '/auth']);
      const refused = await startFrom('203.0.113.7');
      expect([refused.status, refused.headers.get('location')]).toEqual([302, '/admin/login?sso_error=busy']);
      // No browser key is handed out with a refusal: the filter only clears any earlier one.
      expect(refused.headers.getSetCookie().every((cookie) => cookie.includes('Max-Age=0'))).toBe(true);
      expect(await guarded.dataSource.getRepository(SsoRequest).countBy({ ip: '203.0.113.7' })).toBe(3);
      // Another address is not held back by this one.
      expect(wentTo(await startFrom('198.51.100.2'))).toEqual([302, '/auth']);
      // Ten minutes on, the oldest has expired and no longer counts.
      const [oldest] = await guarded.dataSource.getRepository(SsoRequest).find({ where: { ip: '203.0.113.7' }, take: 1 });
      await guarded.dataSource.getRepository(SsoRequest).update({ stateDigest: oldest.stateDigest }, { expiresAt: new Date(Date.now() - 1000) });
      expect(wentTo(await startFrom('203.0.113.7'))).toEqual([302, '/auth']);
    } finally {
      await guarded.close();
    }
  });
});

describe('without single sign-on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('offers no provider, and has no redirect to one', async () => {
    expect((await t.client().get('/admin/api/session/providers')).body).toEqual([]);
    for (const path of ['/admin/api/session/sso', '/admin/api/session/sso/callback?code=x&state=y']) {
      const answer = await t.client().get(path);
      expect([path, answer.status, answer.body]).toEqual([path, 404, { message: 'Single sign-on is not configured.' }]);
    }
  });
});
