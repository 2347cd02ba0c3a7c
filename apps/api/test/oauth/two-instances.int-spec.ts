import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase, TEST_DIALECT, type TestDatabase } from '../support/databases';
import { HttpClient } from '../support/http-client';
import { assertionKey, assertionParameters, jwksOf, signAssertion } from '../support/client-assertions';
import { createClient, post, token } from '../support/oauth';
import { startServer, type ServerProcess } from '../support/server-process';

/** Two API processes on one database behave as one: nothing lives in a process's memory. */
describe(`two instances on one ${TEST_DIALECT} database`, () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    database = await freshDatabase();
    const keys = mkdtempSync(join(tmpdir(), 'keyhouse-shared-keys-'));
    const env = {
      DATABASE_URL: database.url,
      ADMIN_PASSWORD: 'two-instances-password',
      // One issuer and one key pair, as behind a load balancer.
      ISSUER: 'http://keyhouse.test',
      OAUTH_PRIVATE_KEY_PATH: join(keys, 'private.pem'),
      OAUTH_PUBLIC_KEY_PATH: join(keys, 'public.pem'),
    };
    a = startServer({ ...env, OAUTH_GENERATE_KEYS: 'true' });
    await a.waitUntilReady();
    b = startServer({ ...env, OAUTH_GENERATE_KEYS: 'false' });
    await b.waitUntilReady();
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database.drop();
  });

  it('a token issued by one is introspected and revoked through the other', async () => {
    const admin = new HttpClient(a.baseUrl);
    await admin.signIn('admin', 'two-instances-password');
    const client = await createClient(admin, { name: 'Shared', grants: ['client_credentials'], userId: 1 });

    const issued = await token(a.baseUrl, { grant_type: 'client_credentials' }, { client });
    expect(issued.status).toBe(200);
    const jwt = issued.body['access_token'] as string;

    expect((await post(b.baseUrl, '/oauth2-token/introspect', { token: jwt }, { client })).body['active']).toBe(true);
    expect((await post(b.baseUrl, '/oauth2-token/revoke', { token: jwt }, { client })).status).toBe(200);
    expect((await post(a.baseUrl, '/oauth2-token/introspect', { token: jwt }, { client })).text).toBe('{"active":false}');
    expect((await fetch(`${a.baseUrl}/admin/api/me`, { headers: { authorization: `Bearer ${jwt}` } })).status).toBe(401);
  });

  it('a deactivation is obeyed at once by the instance that made it, and by the other within a second', async () => {
    const admin = new HttpClient(a.baseUrl);
    await admin.signIn('admin', 'two-instances-password');
    const client = await createClient(admin, { name: 'Busy', grants: ['client_credentials'], userId: 1 });
    const cc = (instance: ServerProcess) => token(instance.baseUrl, { grant_type: 'client_credentials' }, { client });
    // Both have just read the application, as under load.
    expect([(await cc(a)).status, (await cc(b)).status]).toEqual([200, 200]);

    expect((await admin.post(`/admin/api/oauth-applications/${client.id}/deactivate`)).status).toBe(200);
    expect((await cc(a)).status).toBe(401);
    // On the embedded database the other process may answer from its read for up to a second
    // (RecentLookups in libs/api/oauth); on MySQL it reads every time. Polled, with room for a
    // slow machine: what matters is that it ends.
    let refused = false;
    for (const deadline = Date.now() + 5_000; !refused && Date.now() < deadline; ) {
      refused = (await cc(b)).status === 401;
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(refused).toBe(true);
  });

  it('a console session made on one is valid on the other', async () => {
    const viaA = new HttpClient(a.baseUrl);
    await viaA.signIn('admin', 'two-instances-password');
    const viaB = new HttpClient(b.baseUrl);
    viaB.cookie = viaA.cookie;
    expect((await viaB.get('/admin/api/me')).status).toBe(200);
  });

  it('concurrent refreshes of one token across both: exactly one succeeds', async () => {
    const admin = new HttpClient(b.baseUrl);
    await admin.signIn('admin', 'two-instances-password');
    const client = await createClient(admin, { name: 'Refreshing', grants: ['password'] });
    const signedIn = await token(a.baseUrl, { grant_type: 'password', username: 'admin', password: 'two-instances-password' }, { client });
    const refreshToken = signedIn.body['refresh_token'] as string;

    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => token(i % 2 ? a.baseUrl : b.baseUrl, { grant_type: 'refresh_token', refresh_token: refreshToken }, { client })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400, 400, 400, 400, 400, 400, 400]);
  });

  it('a client assertion used on one is refused on the other (RFC 7523 3: its jti once, whichever instance sees it)', async () => {
    const admin = new HttpClient(a.baseUrl);
    await admin.signIn('admin', 'two-instances-password');
    const key = await assertionKey('ES256');
    const client = await createClient(admin, { name: 'Keyless', grants: ['client_credentials'], userId: 1, tokenEndpointAuthMethod: 'private_key_jwt', jwks: jwksOf(key) });
    const signed = await signAssertion(key, { clientId: client.clientId, audience: 'http://keyhouse.test/oauth2-token' });
    const request = { grant_type: 'client_credentials', ...assertionParameters(signed) };

    expect((await token(a.baseUrl, request)).status).toBe(200);
    const replayed = await token(b.baseUrl, request);
    expect({ status: replayed.status, error: replayed.body['error'] }).toEqual({ status: 401, error: 'invalid_client' });

    // Sent to both at once, a fresh one is taken by exactly one of them.
    const fresh = { grant_type: 'client_credentials', ...assertionParameters(await signAssertion(key, { clientId: client.clientId, audience: 'http://keyhouse.test' })) };
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => token(i % 2 ? a.baseUrl : b.baseUrl, fresh)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401, 401, 401, 401, 401]);
  });
});
