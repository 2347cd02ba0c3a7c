import { createCustomerUser, createUser } from '../support/fixtures';
import type { HttpClient } from '../support/http-client';
import { createClient, decodeJwt, post, token, type Client } from '../support/oauth';
import { startTestApp, type TestApp } from '../support/test-app';

describe('grants', () => {
  let t: TestApp;
  let admin: HttpClient;
  let botId: number;

  beforeAll(async () => {
    t = await startTestApp({ SIGN_IN_MAX_FAILURES: '3', SIGN_IN_MAX_FAILURES_PER_IP: '1000' });
    admin = await t.signedIn();
    botId = (await createUser(t.dataSource, { username: 'bot', password: 'bot-password', organizations: [{ id: 1 }] })).id;
  });
  afterAll(() => t.close());

  describe('client_credentials (RFC 6749 4.4)', () => {
    it('4.4.3 acts as the application\'s user, with no refresh token', async () => {
      const client = await createClient(admin, { name: 'CC', grants: ['client_credentials'], userId: botId, scopes: ['a', 'b'] });
      const answer = await token(t.baseUrl, { grant_type: 'client_credentials', scope: 'a' }, { client });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ token_type: 'Bearer', expires_in: 3600, access_token: expect.any(String), scope: 'a' });
      expect(decodeJwt(answer.body['access_token'] as string).claims).toEqual(expect.objectContaining({ sub: `user:${botId}`, client_id: client.clientId, scope: 'a' }));
    });

    it('grants the application\'s allowed scopes when none is requested', async () => {
      const client = await createClient(admin, { name: 'CC default scope', grants: ['client_credentials'], userId: botId, scopes: ['a', 'b'] });
      expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { client })).body['scope']).toBe('a b');
    });

    it('refuses a token for a disabled user', async () => {
      const quiet = await createUser(t.dataSource, { username: 'quiet', organizations: [{ id: 1 }] });
      const client = await createClient(admin, { name: 'CC disabled', grants: ['client_credentials'], userId: quiet.id });
      await t.dataSource.query('UPDATE users SET enabled = ? WHERE id = ?', [false, quiet.id]);
      const answer = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client });
      expect(answer.status).toBe(400);
      expect(answer.body['error']).toBe('invalid_grant');
    });

    it('uses the application\'s own token lifetime when set', async () => {
      const client = await createClient(admin, { name: 'CC ttl', grants: ['client_credentials'], userId: botId, accessTokenTtl: 300 });
      const answer = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client });
      expect(answer.body['expires_in']).toBe(300);
      const { claims } = decodeJwt(answer.body['access_token'] as string);
      expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(300);
    });
  });

  describe('password (RFC 6749 4.3)', () => {
    let backOffice: Client;
    let storefront: Client;
    beforeAll(async () => {
      backOffice = await createClient(admin, { name: 'PW', grants: ['password'] });
      await createCustomerUser(t.dataSource, { email: 'shopper@example.com', organization: { id: 1 } });
      storefront = await createClient(admin, { name: 'PW store', grants: ['password'], frontend: true });
    });

    it('4.3.3 signs in a back-office user and returns a refresh token', async () => {
      const answer = await token(t.baseUrl, { grant_type: 'password', username: 'bot', password: 'bot-password' }, { client: backOffice });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ token_type: 'Bearer', expires_in: 3600, access_token: expect.any(String), refresh_token: expect.stringMatching(/^[\w-]{43}$/) });
      expect(decodeJwt(answer.body['access_token'] as string).claims['sub']).toBe(`user:${botId}`);
    });

    it('signs in customer users for storefront applications only', async () => {
      expect((await token(t.baseUrl, { grant_type: 'password', username: 'shopper@example.com', password: 'a-customer-password' }, { client: storefront })).status).toBe(200);
      expect((await token(t.baseUrl, { grant_type: 'password', username: 'bot', password: 'bot-password' }, { client: storefront })).body['error']).toBe('invalid_grant');
      expect((await token(t.baseUrl, { grant_type: 'password', username: 'shopper@example.com', password: 'a-customer-password' }, { client: backOffice })).body['error']).toBe('invalid_grant');
    });

    it('5.2 invalid_grant: one body for an unknown user and a wrong password', async () => {
      const wrong = await token(t.baseUrl, { grant_type: 'password', username: 'admin', password: 'nope' }, { client: backOffice });
      const unknown = await token(t.baseUrl, { grant_type: 'password', username: 'nobody', password: 'nope' }, { client: backOffice });
      expect(wrong.status).toBe(400);
      expect(wrong.body).toEqual({ error: 'invalid_grant', error_description: 'Invalid username or password.' });
      expect(unknown.text).toBe(wrong.text);
    });

    it('requires username and password', async () => {
      expect((await token(t.baseUrl, { grant_type: 'password', username: 'bot' }, { client: backOffice })).body['error']).toBe('invalid_request');
    });

    it('throttles brute force: after the limit the right password is refused too, 429 with Retry-After', async () => {
      await createUser(t.dataSource, { username: 'target', password: 'target-password', organizations: [{ id: 1 }] });
      for (let i = 0; i < 3; i++) {
        expect((await token(t.baseUrl, { grant_type: 'password', username: 'target', password: `guess${i}` }, { client: backOffice })).status).toBe(400);
      }
      const locked = await token(t.baseUrl, { grant_type: 'password', username: 'target', password: 'target-password' }, { client: backOffice });
      expect(locked.status).toBe(429);
      expect(locked.body).toEqual({ error: 'temporarily_unavailable', error_description: expect.any(String) });
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('password brute force per client and IP', () => {
    it('429 once one client from one IP exceeds its failures, whichever accounts it tries', async () => {
      const strict = await startTestApp({ SIGN_IN_MAX_FAILURES: '100', SIGN_IN_MAX_FAILURES_PER_IP: '2' });
      try {
        const client = await createClient(await strict.signedIn(), { name: 'PW', grants: ['password'] });
        const attempt = (username: string, password: string) => token(strict.baseUrl, { grant_type: 'password', username, password }, { client });
        expect((await attempt('someone', 'x')).status).toBe(400);
        expect((await attempt('someone-else', 'x')).status).toBe(400);
        const blocked = await attempt('admin', 'integration-admin-password');
        expect(blocked.status).toBe(429);
        expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
      } finally {
        await strict.close();
      }
    });

    it('takes comparable time for an unknown user and a wrong password', async () => {
      const client = await createClient(admin, { name: 'PW timing', grants: ['password'] });
      const time = async (username: string) => {
        const started = performance.now();
        // Three attempts: this app's limit per account, so none is cut short by the throttle.
        for (let i = 0; i < 3; i++) await token(t.baseUrl, { grant_type: 'password', username, password: `wrong-${i}` }, { client });
        return performance.now() - started;
      };
      await t.dataSource.query('DELETE FROM sign_in_failures');
      const wrongPassword = await time('admin');
      await t.dataSource.query('DELETE FROM sign_in_failures');
      const unknownUser = await time('nobody-here');
      await t.dataSource.query('DELETE FROM sign_in_failures');
      // Both run one scrypt verification; a skipped hash would be ten times faster.
      expect(Math.max(wrongPassword, unknownUser) / Math.min(wrongPassword, unknownUser)).toBeLessThan(3);
    });
  });

  describe('refresh_token (RFC 6749 6, RFC 9700 4.14)', () => {
    let client: Client;
    const signIn = async (scope?: string) =>
      (await token(t.baseUrl, { grant_type: 'password', username: 'bot', password: 'bot-password', ...(scope ? { scope } : {}) }, { client })).body;
    const refresh = (refreshToken: string, extra: Record<string, string> = {}, as = client) =>
      token(t.baseUrl, { grant_type: 'refresh_token', refresh_token: refreshToken, ...extra }, { client: as });

    beforeAll(async () => {
      client = await createClient(admin, { name: 'Refresher', grants: ['password'], scopes: ['read', 'write'] });
    });

    it('rotates on every use', async () => {
      const first = await signIn();
      const second = await refresh(first['refresh_token'] as string);
      expect(second.status).toBe(200);
      expect(second.body['refresh_token']).not.toBe(first['refresh_token']);
      expect((await refresh(second.body['refresh_token'] as string)).status).toBe(200);
    });

    it('4.14.2 a spent refresh token used again revokes the whole family', async () => {
      const first = await signIn();
      const second = (await refresh(first['refresh_token'] as string)).body;
      const replay = await refresh(first['refresh_token'] as string);
      expect(replay.status).toBe(400);
      expect(replay.body['error']).toBe('invalid_grant');
      // The legitimate descendant dies with the family, and so does its access token.
      expect((await refresh(second['refresh_token'] as string)).body['error']).toBe('invalid_grant');
      const bearer = await fetch(`${t.baseUrl}/admin/api/me`, { headers: { authorization: `Bearer ${second['access_token']}` } });
      expect(bearer.status).toBe(401);
    });

    it('is bound to its client', async () => {
      const other = await createClient(admin, { name: 'Other Refresher', grants: ['password'] });
      const first = await signIn();
      expect((await refresh(first['refresh_token'] as string, {}, other)).body['error']).toBe('invalid_grant');
      expect((await refresh(first['refresh_token'] as string)).status).toBe(200);
    });

    it('6 may narrow the scope but never widen it', async () => {
      const first = await signIn('read');
      expect((await refresh(first['refresh_token'] as string, { scope: 'read write' })).body['error']).toBe('invalid_scope');
      const narrowed = await signIn('read write');
      const answer = await refresh(narrowed['refresh_token'] as string, { scope: 'read' });
      expect(answer.body['scope']).toBe('read');
    });

    it('lets exactly one of several concurrent refreshes of one token succeed', async () => {
      const first = await signIn();
      const answers = await Promise.all(Array.from({ length: 6 }, () => refresh(first['refresh_token'] as string)));
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    });

    it('refuses an unknown refresh token', async () => {
      expect((await refresh('not-a-token')).body['error']).toBe('invalid_grant');
    });
  });

  describe('configuration switches', () => {
    it('PASSWORD_GRANT_ENABLED=false refuses the password grant for every application', async () => {
      const off = await startTestApp({ PASSWORD_GRANT_ENABLED: 'false' });
      try {
        const client = await createClient(await off.signedIn(), { name: 'PW', grants: ['password'] });
        const answer = await token(off.baseUrl, { grant_type: 'password', username: 'admin', password: 'integration-admin-password' }, { client });
        expect(answer.body['error']).toBe('unsupported_grant_type');
      } finally {
        await off.close();
      }
    });

    it('REFRESH_TOKENS_ENABLED=false issues no refresh token', async () => {
      const off = await startTestApp({ REFRESH_TOKENS_ENABLED: 'false', REFRESH_TOKEN_TTL: '120' });
      try {
        const client = await createClient(await off.signedIn(), { name: 'PW', grants: ['password'] });
        const answer = await token(off.baseUrl, { grant_type: 'password', username: 'admin', password: 'integration-admin-password' }, { client });
        expect(answer.status).toBe(200);
        expect(answer.body).not.toHaveProperty('refresh_token');
        expect((await token(off.baseUrl, { grant_type: 'refresh_token', refresh_token: 'x' }, { client })).body['error']).toBe('unsupported_grant_type');
      } finally {
        await off.close();
      }
    });

    it('REFRESH_TOKEN_TTL bounds the refresh token lifetime', async () => {
      const short = await startTestApp({ REFRESH_TOKEN_TTL: '60' });
      try {
        const client = await createClient(await short.signedIn(), { name: 'PW', grants: ['password'] });
        const answer = await token(short.baseUrl, { grant_type: 'password', username: 'admin', password: 'integration-admin-password' }, { client });
        const introspected = await post(short.baseUrl, '/oauth2-token/introspect', { token: answer.body['refresh_token'] as string }, { client });
        const lifetime = (introspected.body['exp'] as number) - Math.floor(Date.now() / 1000);
        expect(lifetime).toBeGreaterThan(50);
        expect(lifetime).toBeLessThanOrEqual(60);
      } finally {
        await short.close();
      }
    });
  });
});
