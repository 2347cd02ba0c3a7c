import type { ApplicationUsageDto, AuditEventDto, OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { UsageRecorder } from '@keyhouse/api-oauth';
import { freshDatabase, type TestDatabase } from '../support/databases';
import { createUser } from '../support/fixtures';
import type { HttpClient } from '../support/http-client';
import { createClient, post, token, type Client, type ProtocolAnswer } from '../support/oauth';
import { startTestApp, type TestApp } from '../support/test-app';

const MAX_FAILURES = 3;
const THROTTLE_SECONDS = 600;
// Behind a proxy, so each request can say which address it comes from.
const POLICY = { TRUST_PROXY: 'true', CLIENT_AUTH_MAX_FAILURES: String(MAX_FAILURES), CLIENT_AUTH_LOCK_SECONDS: String(THROTTLE_SECONDS) };
const [A, B, C] = ['198.51.100.1', '198.51.100.2', '198.51.100.3'];

// One address per header: it is the client whether the leftmost or the rightmost entry is taken.
const from = (address: string) => ({ 'x-forwarded-for': address });
const wrongSecret = (client: Client): Client => ({ ...client, clientSecret: 'not-the-secret' });
const clientCredentials = (baseUrl: string, client: Client, address: string) => token(baseUrl, { grant_type: 'client_credentials' }, { client, headers: from(address) });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` wrong secrets from `address`, one after the other, each answered `invalid_client`. */
async function failFrom(baseUrl: string, client: Client, address: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const answer = await clientCredentials(baseUrl, wrongSecret(client), address);
    expect({ status: answer.status, error: answer.body['error'] }).toEqual({ status: 401, error: 'invalid_client' });
  }
}

/** RFC 6749 5.2's shape, 429 and a Retry-After of whole seconds (RFC 9110 10.2.3) within the throttle. */
function expectThrottled(answer: ProtocolAnswer, seconds = THROTTLE_SECONDS): void {
  expect(answer.status).toBe(429);
  expect(answer.body).toEqual({ error: 'temporarily_unavailable', error_description: expect.any(String) });
  expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(Number(answer.headers.get('retry-after'))).toBeLessThanOrEqual(seconds);
}

describe('per-application policy: client IP ranges and the throttle of wrong client secrets', () => {
  let database: TestDatabase;
  let t: TestApp;
  let admin: HttpClient;
  let botId: number;

  beforeAll(async () => {
    database = await freshDatabase();
    t = await startTestApp(POLICY, { database });
    admin = await t.signedIn();
    botId = (await createUser(t.dataSource, { username: 'bot', organizations: [{ id: 1 }] })).id;
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  const application = async (client: Client) => (await admin.get<OAuthApplicationDto>(`/admin/api/oauth-applications/${client.id}`)).body;
  const machine = (name: string) => createClient(admin, { name, grants: ['client_credentials'], userId: botId });

  describe('allowed IP ranges (client_credentials)', () => {
    let client: Client;
    beforeAll(async () => {
      client = await createClient(admin, { name: 'Office only', grants: ['client_credentials'], userId: botId, allowedIpRanges: ['10.0.0.0/8', '2001:db8::/32'] });
    });

    it('issues tokens to clients inside the ranges, IPv4 and IPv6', async () => {
      expect((await clientCredentials(t.baseUrl, client, '10.20.30.40')).status).toBe(200);
      expect((await clientCredentials(t.baseUrl, client, '2001:db8::7')).status).toBe(200);
    });

    it('answers invalid_client outside them, even with the right secret', async () => {
      const answer = await clientCredentials(t.baseUrl, client, '203.0.113.9');
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed.' });
      // A client on the wrong network is not guessing secrets: it does not count towards the throttle.
      expect((await application(client)).failedAuthentications).toBe(0);
    });

    it('are edited with the application and shown in it', async () => {
      const updated = await admin.request<OAuthApplicationDto>('PUT', `/admin/api/oauth-applications/${client.id}`, { allowedIpRanges: ['203.0.113.0/24'] }, {});
      expect(updated.body.allowedIpRanges).toEqual(['203.0.113.0/24']);
      expect((await clientCredentials(t.baseUrl, client, '203.0.113.9')).status).toBe(200);
      expect((await clientCredentials(t.baseUrl, client, '10.20.30.40')).status).toBe(401);
    });

    it('refuses a malformed range with a message at the field', async () => {
      const answer = await admin.request<{ errors: Record<string, string> }>('PUT', `/admin/api/oauth-applications/${client.id}`, { allowedIpRanges: ['10.0.0.0/99'] }, {});
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual({ allowedIpRanges: 'IP range 1 needs a prefix length from 0 to 32.' });
    });
  });

  describe('wrong client secrets', () => {
    it('are counted per client address, and a success clears its own address only', async () => {
      const client = await machine('Counted');
      await failFrom(t.baseUrl, client, A, 2);
      await failFrom(t.baseUrl, client, B, 1);
      expect((await application(client)).failedAuthentications).toBe(3);
      expect((await clientCredentials(t.baseUrl, client, A)).status).toBe(200);
      expect(await application(client)).toMatchObject({ failedAuthentications: 1, lockedUntil: null });
    });

    it('throttle the address that reaches the limit, even against the right secret, and never another address', async () => {
      const client = await machine('Guessed');
      const neighbour = await machine('Guessed next door');
      await failFrom(t.baseUrl, client, A, MAX_FAILURES);

      const [refused, served, elsewhere] = await Promise.all([
        clientCredentials(t.baseUrl, client, A),
        clientCredentials(t.baseUrl, client, B),
        clientCredentials(t.baseUrl, neighbour, A),
      ]);
      expectThrottled(refused);
      expect(served.status).toBe(200);
      expect(elsewhere.status).toBe(200);
      // Every endpoint that authenticates clients refuses the address before comparing a secret.
      expectThrottled(await clientCredentials(t.baseUrl, wrongSecret(client), A));
      expectThrottled(await post(t.baseUrl, '/oauth2-token/revoke', { token: 'x' }, { client, headers: from(A) }));
      expectThrottled(await post(t.baseUrl, '/oauth2-token/introspect', { token: 'x' }, { client, headers: from(A) }));
      expect((await post(t.baseUrl, '/oauth2-token/introspect', { token: 'x' }, { client, headers: from(B) })).body).toEqual({ active: false });

      const throttled = await application(client);
      expect(throttled.failedAuthentications).toBe(MAX_FAILURES);
      expect(Date.parse(throttled.lockedUntil ?? '')).toBeGreaterThan(Date.now() + (THROTTLE_SECONDS - 10) * 1000);
    });

    it('never count a request without a secret: a client ID alone, or HTTP Basic with an empty password', async () => {
      const client = await machine('Named only');
      for (let i = 0; i < 4 * MAX_FAILURES; i++) {
        const named = await token(t.baseUrl, { grant_type: 'client_credentials', client_id: client.clientId }, { headers: from(A) });
        expect({ status: named.status, error: named.body['error'] }).toEqual({ status: 401, error: 'invalid_client' });
        expect((await clientCredentials(t.baseUrl, { ...client, clientSecret: '' }, A)).status).toBe(401);
      }
      expect(await application(client)).toMatchObject({ failedAuthentications: 0, lockedUntil: null });
      expect((await clientCredentials(t.baseUrl, client, A)).status).toBe(200);
    });

    it('never count for a deactivated application, whatever secret it is sent', async () => {
      const client = await machine('Paused');
      await admin.post(`/admin/api/oauth-applications/${client.id}/deactivate`);
      for (let i = 0; i < 2 * MAX_FAILURES; i++) {
        expect((await clientCredentials(t.baseUrl, client, A)).status).toBe(401);
        expect((await clientCredentials(t.baseUrl, wrongSecret(client), A)).status).toBe(401);
      }
      expect(await application(client)).toMatchObject({ failedAuthentications: 0, lockedUntil: null });
      await admin.post(`/admin/api/oauth-applications/${client.id}/activate`);
      expect((await clientCredentials(t.baseUrl, client, A)).status).toBe(200);
    });

    it('never count for a public client, which has no secret to guess', async () => {
      const spa = await createClient(admin, { name: 'SPA', grants: ['authorization_code'], confidential: false, redirectUris: ['https://spa.example.com/callback'] });
      const redeem = { grant_type: 'authorization_code', code: 'not-a-code', redirect_uri: 'https://spa.example.com/callback' };
      for (let i = 0; i < 2 * MAX_FAILURES; i++) {
        expect((await token(t.baseUrl, redeem, { client: { ...spa, clientSecret: 'a-secret-it-never-had' }, headers: from(A) })).status).toBe(401);
      }
      expect(await application(spa)).toMatchObject({ failedAuthentications: 0, lockedUntil: null });
      // Authenticated as the public client it is: what remains wrong is the code.
      expect((await token(t.baseUrl, { ...redeem, client_id: spa.clientId }, { headers: from(A) })).body['error']).toBe('invalid_grant');
    });

    it('are all counted when they come at once, and none is answered 500', async () => {
      const client = await machine('Burst');
      const answers = await Promise.all(Array.from({ length: 20 }, () => clientCredentials(t.baseUrl, wrongSecret(client), A)));
      const statuses = answers.map((answer) => answer.status);
      // Those that read the address's state after the limit was reached are throttled, uncounted.
      expect(statuses.filter((status) => status !== 401 && status !== 429)).toEqual([]);
      const compared = statuses.filter((status) => status === 401).length;
      expect(compared).toBeGreaterThanOrEqual(MAX_FAILURES);
      expect((await application(client)).failedAuthentications).toBe(compared);
      expectThrottled(await clientCredentials(t.baseUrl, client, A));
      expect((await clientCredentials(t.baseUrl, client, B)).status).toBe(200);
    });

    it('add up across instances on one database', async () => {
      const other = await startTestApp(POLICY, { database });
      try {
        const client = await machine('Load balanced');
        await failFrom(t.baseUrl, client, A, MAX_FAILURES - 1);
        await failFrom(other.baseUrl, client, A, 1);
        expectThrottled(await clientCredentials(t.baseUrl, client, A));
        expectThrottled(await clientCredentials(other.baseUrl, client, A));
        expect((await clientCredentials(other.baseUrl, client, B)).status).toBe(200);
      } finally {
        await other.close();
      }
    });

    it('are still counted in the usage statistics, with the throttled requests and those without a secret', async () => {
      const client = await machine('Usage');
      await failFrom(t.baseUrl, client, A, MAX_FAILURES);
      expectThrottled(await clientCredentials(t.baseUrl, client, A));
      expect((await token(t.baseUrl, { grant_type: 'client_credentials', client_id: client.clientId }, { headers: from(B) })).status).toBe(401);
      expect((await clientCredentials(t.baseUrl, client, B)).status).toBe(200);
      await t.app.get(UsageRecorder).flush();
      const { days } = (await admin.get<ApplicationUsageDto>(`/admin/api/oauth-applications/${client.id}/usage?days=2`)).body;
      const total = (field: 'tokensIssued' | 'failedAuthentications') => days.reduce((sum, day) => sum + day[field], 0);
      expect({ tokensIssued: total('tokensIssued'), failedAuthentications: total('failedAuthentications') }).toEqual({
        tokensIssued: 1,
        failedAuthentications: MAX_FAILURES + 2,
      });
    });

    it('unlocking clears the throttle of every address; the application shows it before and after', async () => {
      const client = await machine('Unlocked');
      await failFrom(t.baseUrl, client, A, MAX_FAILURES);
      await failFrom(t.baseUrl, client, B, MAX_FAILURES);
      await failFrom(t.baseUrl, client, C, 1);
      const throttled = await application(client);
      expect(throttled.failedAuthentications).toBe(2 * MAX_FAILURES + 1);
      // The later of the two throttles.
      expect(Date.parse(throttled.lockedUntil ?? '')).toBeGreaterThan(Date.now() + (THROTTLE_SECONDS - 10) * 1000);
      const listed = await admin.get<OAuthApplicationDto[]>(`/admin/api/oauth-applications?filter=${encodeURIComponent(JSON.stringify({ name: 'Unlocked' }))}`);
      expect(listed.body).toEqual([expect.objectContaining({ id: client.id, failedAuthentications: 2 * MAX_FAILURES + 1, lockedUntil: throttled.lockedUntil })]);

      const unlocked = await admin.post<OAuthApplicationDto>(`/admin/api/oauth-applications/${client.id}/unlock`);
      expect(unlocked.status).toBe(200);
      expect(unlocked.body).toMatchObject({ failedAuthentications: 0, lockedUntil: null });
      expect((await clientCredentials(t.baseUrl, client, A)).status).toBe(200);
      expect((await clientCredentials(t.baseUrl, client, B)).status).toBe(200);

      const filter = encodeURIComponent(JSON.stringify({ targetType: 'oauth_application', targetId: String(client.id), action: 'oauth_application.unlocked' }));
      const [event] = (await admin.get<AuditEventDto[]>(`/admin/api/audit-events?filter=${filter}`)).body;
      expect(event).toMatchObject({
        before: { failedAuthentications: 2 * MAX_FAILURES + 1, lockedUntil: throttled.lockedUntil },
        after: { failedAuthentications: 0, lockedUntil: null },
      });
    });

    it('unlocking needs oauth_applications.edit', async () => {
      const client = await machine('Guarded');
      await createUser(t.dataSource, { username: 'reader', password: 'reader-password', organizations: [{ id: 1 }], roles: [] });
      const reader = await t.signedIn('reader', 'reader-password');
      expect((await reader.post(`/admin/api/oauth-applications/${client.id}/unlock`)).status).toBe(403);
    });
  });

  describe('once a throttle has ended', () => {
    it('counts from zero again: one more wrong secret does not throttle the address again', async () => {
      const brief = await startTestApp({ ...POLICY, CLIENT_AUTH_LOCK_SECONDS: '2' });
      try {
        const owner = await brief.signedIn();
        const client = await createClient(owner, { name: 'Brief', grants: ['client_credentials'], userId: 1 });
        const state = async () => (await owner.get<OAuthApplicationDto>(`/admin/api/oauth-applications/${client.id}`)).body;
        await failFrom(brief.baseUrl, client, A, MAX_FAILURES);
        const { lockedUntil } = await state();
        expect(lockedUntil).not.toBeNull();
        await sleep(Date.parse(lockedUntil ?? '') - Date.now() + 100);
        expect(await state()).toMatchObject({ failedAuthentications: 0, lockedUntil: null });

        await failFrom(brief.baseUrl, client, A, 1);
        expect(await state()).toMatchObject({ failedAuthentications: 1, lockedUntil: null });
        expect((await clientCredentials(brief.baseUrl, client, A)).status).toBe(200);
      } finally {
        await brief.close();
      }
    });
  });

  it('with CLIENT_AUTH_MAX_FAILURES=0 counts every wrong secret and throttles nobody', async () => {
    const unlimited = await startTestApp({ CLIENT_AUTH_MAX_FAILURES: '0' });
    try {
      const owner = await unlimited.signedIn();
      const client = await createClient(owner, { name: 'Burst', grants: ['client_credentials'], userId: 1 });
      const answers = await Promise.all(Array.from({ length: 20 }, () => token(unlimited.baseUrl, { grant_type: 'client_credentials' }, { client: wrongSecret(client) })));
      expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, () => 401));
      const burst = (await owner.get<OAuthApplicationDto>(`/admin/api/oauth-applications/${client.id}`)).body;
      expect(burst).toMatchObject({ failedAuthentications: 20, lockedUntil: null });
      expect((await token(unlimited.baseUrl, { grant_type: 'client_credentials' }, { client })).status).toBe(200);
    } finally {
      await unlimited.close();
    }
  });
});
