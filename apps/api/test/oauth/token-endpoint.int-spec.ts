import { connect } from 'node:net';
import { createUser } from '../support/fixtures';
import { createClient, token, type Client } from '../support/oauth';
import { startTestApp, type TestApp } from '../support/test-app';

/** POST /oauth2-token: request parsing, client authentication, errors and dispatch (RFC 6749). */
describe('token endpoint', () => {
  let t: TestApp;
  let machine: Client;
  let password: Client;
  let inactive: Client;

  beforeAll(async () => {
    // Many tests here present wrong secrets on purpose; the lock they would trigger has its own tests.
    t = await startTestApp({ CLIENT_AUTH_MAX_FAILURES: '0' });
    const admin = await t.signedIn();
    const bot = await createUser(t.dataSource, { username: 'bot', organizations: [{ id: 1 }] });
    machine = await createClient(admin, { name: 'Machine', grants: ['client_credentials'], userId: bot.id, scopes: ['orders:read', 'orders:write'] });
    password = await createClient(admin, { name: 'Password App', grants: ['password'] });
    inactive = await createClient(admin, { name: 'Inactive', grants: ['client_credentials'], userId: bot.id });
    await admin.post(`/admin/api/oauth-applications/${inactive.id}/deactivate`);
  });
  afterAll(() => t.close());

  const cc = (options: Parameters<typeof token>[2] = { client: machine }, extra: Record<string, string> = {}) =>
    token(t.baseUrl, { grant_type: 'client_credentials', ...extra }, options);

  const expectError = (answer: Awaited<ReturnType<typeof token>>, status: number, error: string) => {
    expect({ status: answer.status, error: answer.body['error'] }).toEqual({ status, error });
    expect(Object.keys(answer.body).sort()).toEqual(['error', 'error_description']);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('pragma')).toBe('no-cache');
    expect(answer.text).not.toMatch(/statusCode|stack|at \//);
  };

  describe('RFC 6749 3.2 request format', () => {
    it('accepts application/x-www-form-urlencoded and application/json', async () => {
      expect((await cc()).status).toBe(200);
      expect((await cc({ client: machine, json: true })).status).toBe(200);
    });

    it('refuses other media types with invalid_request', async () => {
      expectError(await token(t.baseUrl, 'grant_type=client_credentials', { client: machine, headers: { 'content-type': 'text/plain' } }), 400, 'invalid_request');
    });

    it('refuses a repeated parameter', async () => {
      expectError(await token(t.baseUrl, 'grant_type=client_credentials&grant_type=password', { client: machine }), 400, 'invalid_request');
    });

    it('refuses qs-style nested parameters', async () => {
      expectError(await token(t.baseUrl, 'grant_type=client_credentials&scope[a]=orders:read', { client: machine }), 400, 'invalid_request');
    });

    it('refuses JSON values that are not strings', async () => {
      expectError(await token(t.baseUrl, JSON.stringify({ grant_type: ['client_credentials'] }), { client: machine, headers: { 'content-type': 'application/json' } }), 400, 'invalid_request');
      expectError(await token(t.baseUrl, JSON.stringify({ grant_type: 'client_credentials', scope: 5 }), { client: machine, headers: { 'content-type': 'application/json' } }), 400, 'invalid_request');
    });

    it('answers malformed JSON and an empty body with 400, never 500', async () => {
      expectError(await token(t.baseUrl, '{"grant_type":', { client: machine, headers: { 'content-type': 'application/json' } }), 400, 'invalid_request');
      expectError(await token(t.baseUrl, '', { client: machine, headers: { 'content-type': 'application/json' } }), 400, 'invalid_request');
    });

    // Issue 12: was 400; HTTP has its own status for the cause, and the body keeps RFC 6749 5.2's shape.
    it.each([70 * 1024, 900 * 1024])('answers a %i-byte body 413 invalid_request, which the client, still sending, gets to read', async (size) => {
      const answer = await token(t.baseUrl, `grant_type=client_credentials&pad=${'x'.repeat(size)}`, { client: machine });
      expectError(answer, 413, 'invalid_request');
      expect(answer.body['error_description']).toBe('The request body is too large.');
    });

    it('answers a body declared far beyond the limit at once, without waiting for it', async () => {
      const { port } = new URL(t.baseUrl);
      const socket = connect(Number(port), '127.0.0.1');
      socket.write(`POST /oauth2-token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 50000000\r\n\r\n`);
      const raw = await new Promise<string>((resolve, reject) => {
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString()));
        socket.on('end', () => resolve(received));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 413 /);
      expect(raw).toMatch(/\r\nconnection: close\r\n/i);
      expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({ error: 'invalid_request', error_description: 'The request body is too large.' });
    });

    it('ignores unknown parameters and treats empty ones as absent', async () => {
      expect((await cc({ client: machine }, { unknown: 'x', scope: '' })).status).toBe(200);
    });

    it('requires grant_type', async () => {
      expectError(await token(t.baseUrl, {}, { client: machine }), 400, 'invalid_request');
    });

    it('serves POST only', async () => {
      const answer = await fetch(`${t.baseUrl}/oauth2-token?grant_type=client_credentials`);
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe('POST');
      expect(await answer.json()).toEqual({ error: 'invalid_request', error_description: 'Use POST.' });
    });
  });

  describe('RFC 6749 2.3.1 client authentication', () => {
    it('accepts client_id and client_secret in the body', async () => {
      expect((await token(t.baseUrl, { grant_type: 'client_credentials', client_id: machine.clientId, client_secret: machine.clientSecret })).status).toBe(200);
    });

    it('accepts the Basic scheme in any letter case', async () => {
      const header = `bASIC ${Buffer.from(`${machine.clientId}:${machine.clientSecret}`).toString('base64')}`;
      expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { headers: { authorization: header } })).status).toBe(200);
    });

    it('refuses two methods at once, but allows a body client_id repeating Basic', async () => {
      expectError(await cc({ client: machine }, { client_secret: machine.clientSecret }), 400, 'invalid_request');
      expectError(await cc({ client: machine }, { client_id: password.clientId }), 400, 'invalid_request');
      expect((await cc({ client: machine }, { client_id: machine.clientId })).status).toBe(200);
    });

    it('never reads credentials from the query string', async () => {
      const answer = await token(t.baseUrl, { grant_type: 'client_credentials' }, {});
      expectError(answer, 401, 'invalid_client');
      const query = await fetch(`${t.baseUrl}/oauth2-token?client_id=${machine.clientId}&client_secret=${machine.clientSecret}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
      });
      expect(query.status).toBe(401);
    });

    it('5.2 invalid_client: one answer for wrong secret, unknown client and deactivated application', async () => {
      const answers = [
        await cc({ client: { ...machine, clientSecret: 'wrong' } }),
        await cc({ client: { ...machine, clientId: 'f'.repeat(32) } }),
        await cc({ client: inactive }),
      ];
      for (const answer of answers) {
        expectError(answer, 401, 'invalid_client');
        expect(answer.headers.get('www-authenticate')).toMatch(/^Basic realm="keyhouse"/);
        expect(answer.text).toBe(answers[0].text);
      }
    });

    it('5.2 invalid_client after deletion', async () => {
      const admin = await t.signedIn();
      const doomed = await createClient(admin, { name: 'Doomed', grants: ['password'] });
      await admin.delete(`/admin/api/oauth-applications/${doomed.id}`);
      expectError(await token(t.baseUrl, { grant_type: 'password', username: 'admin', password: 'x' }, { client: doomed }), 401, 'invalid_client');
    });

    it('takes comparable time for unknown clients and wrong secrets', async () => {
      const time = async (client: Client) => {
        const started = performance.now();
        for (let i = 0; i < 20; i++) await cc({ client });
        return performance.now() - started;
      };
      await time(machine);
      const wrongSecret = await time({ ...machine, clientSecret: 'wrong' });
      const unknown = await time({ ...machine, clientId: 'f'.repeat(32) });
      // Same work on both paths: neither may be an order of magnitude apart.
      expect(Math.max(wrongSecret, unknown) / Math.min(wrongSecret, unknown)).toBeLessThan(3);
    });
  });

  describe('dispatch order', () => {
    it('5.2 unsupported_grant_type for an unknown grant, after client authentication', async () => {
      expectError(await token(t.baseUrl, { grant_type: 'implicit' }, { client: machine }), 400, 'unsupported_grant_type');
      expectError(await token(t.baseUrl, { grant_type: 'implicit' }, { client: { ...machine, clientSecret: 'x' } }), 401, 'invalid_client');
    });

    it('5.2 unauthorized_client for a grant the application was not given', async () => {
      expectError(await token(t.baseUrl, { grant_type: 'password', username: 'a', password: 'b' }, { client: machine }), 400, 'unauthorized_client');
      expectError(await token(t.baseUrl, { grant_type: 'client_credentials' }, { client: password }), 400, 'unauthorized_client');
    });

    it('3.3 invalid_scope beyond the application\'s allowed scopes', async () => {
      expectError(await cc({ client: machine }, { scope: 'orders:read admin' }), 400, 'invalid_scope');
      expectError(await cc({ client: machine }, { scope: 'orders:read  orders:write' }), 400, 'invalid_scope');
    });
  });
});

describe('token endpoint without signing keys', () => {
  it('answers 503 temporarily_unavailable naming the encryption keys', async () => {
    const t = await startTestApp({ OAUTH_GENERATE_KEYS: 'false' });
    try {
      const admin = await t.signedIn();
      const client = await createClient(admin, { name: 'M', grants: ['client_credentials'], userId: 1 });
      const answer = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client });
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({ error: 'temporarily_unavailable', error_description: expect.stringContaining('encryption keys') });
      expect(answer.headers.get('cache-control')).toBe('no-store');
    } finally {
      await t.close();
    }
  });
});
