import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_DIALECT } from '../support/databases';
import { assertionKey, assertionParameters, jwksOf, signAssertion, type AssertionKey } from '../support/client-assertions';
import { createUser } from '../support/fixtures';
import type { HttpClient } from '../support/http-client';
import { createClient, decodeJwt, post, token, type ProtocolAnswer } from '../support/oauth';
import { startTestApp, type TestApp } from '../support/test-app';

interface KeylessClient {
  id: number;
  clientId: string;
}

/** RFC 7523 2.2 and 3 at the token, revocation and introspection endpoints; the keys registered as a JWK Set or published at a jwks_uri. */
describe(`private_key_jwt client authentication on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  let admin: HttpClient;
  let botId: number;
  let es: AssertionKey;
  let rsa: AssertionKey;
  let machine: KeylessClient;
  let tokenEndpoint: string;

  /** A client_credentials application with no secret, its keys in `keys`. */
  async function keylessClient(name: string, keys: { jwks?: unknown; jwksUri?: string }): Promise<KeylessClient> {
    const created = await createClient(admin, { name, grants: ['client_credentials'], userId: botId, scopes: ['read'] });
    await t.dataSource.query('UPDATE oauth_applications SET tokenEndpointAuthMethod = ?, jwks = ?, jwksUri = ? WHERE id = ?', [
      'private_key_jwt',
      keys.jwks === undefined ? null : JSON.stringify(keys.jwks),
      keys.jwksUri ?? null,
      created.id,
    ]);
    await t.dataSource.query('DELETE FROM oauth_client_secrets WHERE applicationId = ?', [created.id]);
    return created;
  }
  const assertion = (key: AssertionKey, client: KeylessClient = machine, claims = {}, header = {}) =>
    signAssertion(key, { clientId: client.clientId, audience: tokenEndpoint }, claims, header);
  const clientCredentials = async (signed: string, extra: Record<string, string> = {}) =>
    token(t.baseUrl, { grant_type: 'client_credentials', ...assertionParameters(signed), ...extra });
  /** The answer to a wrong secret today, which every failure of an assertion must equal. */
  let wrongSecret: ProtocolAnswer;
  const expectSameRefusal = (answer: ProtocolAnswer) => {
    expect({ status: answer.status, body: answer.body, challenge: answer.headers.get('www-authenticate') }).toEqual({
      status: 401,
      body: wrongSecret.body,
      challenge: wrongSecret.headers.get('www-authenticate'),
    });
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn();
    tokenEndpoint = `${t.config.server.issuer}/oauth2-token`;
    botId = (await createUser(t.dataSource, { username: 'bot', organizations: [{ id: 1 }] })).id;
    [es, rsa] = await Promise.all([assertionKey('ES256'), assertionKey('RS256')]);
    machine = await keylessClient('Keyless', { jwks: jwksOf(es, rsa) });
    const withSecret = await createClient(admin, { name: 'With a secret', grants: ['client_credentials'], userId: botId });
    wrongSecret = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client: { ...withSecret, clientSecret: 'wrong' } });
    expect(wrongSecret.body['error']).toBe('invalid_client');
  });
  afterAll(() => t.close());

  it('gets a token with an assertion signed by a registered key, for the token endpoint or the issuer', async () => {
    const answer = await clientCredentials(await assertion(es));
    expect(answer.status).toBe(200);
    expect(decodeJwt(answer.body['access_token'] as string).claims).toMatchObject({ client_id: machine.clientId, sub: `user:${botId}`, scope: 'read' });
    const byIssuer = await signAssertion(rsa, { clientId: machine.clientId, audience: t.config.server.issuer });
    expect((await clientCredentials(byIssuer, { client_id: machine.clientId })).status).toBe(200);
  });

  it('refuses a replayed assertion, a wrong audience, an expired one, another key\'s and alg none, as it refuses a wrong secret', async () => {
    const used = await assertion(es);
    expect((await clientCredentials(used)).status).toBe(200);
    const stranger = await assertionKey('ES256', es.kid);
    const [header, claims] = (await assertion(es)).split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${claims}.`;
    const refused = [
      used,
      await signAssertion(es, { clientId: machine.clientId, audience: 'https://elsewhere.example/oauth2-token' }),
      await assertion(es, machine, { exp: Math.floor(Date.now() / 1000) - 60 }),
      await assertion(stranger),
      unsigned,
      `${header}.${claims}.`,
    ];
    for (const signed of refused) expectSameRefusal(await clientCredentials(signed));
  });

  it('lets exactly one of concurrent requests with one assertion through', async () => {
    const signed = await assertion(es);
    const answers = await Promise.all(Array.from({ length: 6 }, () => clientCredentials(signed)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401, 401, 401, 401, 401]);
  });

  it('authenticates at the revocation and introspection endpoints (a fresh assertion each)', async () => {
    const jwt = (await clientCredentials(await assertion(es))).body['access_token'] as string;
    const introspection = await post(t.baseUrl, '/oauth2-token/introspect', { token: jwt, ...assertionParameters(await assertion(es)) });
    expect(introspection.body).toMatchObject({ active: true, client_id: machine.clientId });
    expect((await post(t.baseUrl, '/oauth2-token/revoke', { token: jwt, ...assertionParameters(await assertion(rsa)) })).status).toBe(200);
    const after = await post(t.baseUrl, '/oauth2-token/introspect', { token: jwt, ...assertionParameters(await assertion(es)) });
    expect(after.text).toBe('{"active":false}');
    expectSameRefusal(await post(t.baseUrl, '/oauth2-token/introspect', { token: jwt }));
  });

  it('has no secret: Basic, client_secret or client_id alone are refused', async () => {
    for (const answer of [
      await token(t.baseUrl, { grant_type: 'client_credentials' }, { client: { ...machine, clientSecret: '' } }),
      await token(t.baseUrl, { grant_type: 'client_credentials', client_id: machine.clientId, client_secret: 'anything' }),
      await token(t.baseUrl, { grant_type: 'client_credentials', client_id: machine.clientId }),
    ]) {
      expectSameRefusal(answer);
    }
  });

  it('refuses an assertion from a client registered with a secret', async () => {
    const withSecret = await createClient(admin, { name: 'Secret keeper', grants: ['client_credentials'], userId: botId });
    expectSameRefusal(await clientCredentials(await assertion(es, withSecret)));
  });

  it('answers invalid_request to a second method next to the assertion, or a client_id that is not its subject', async () => {
    const signed = await assertion(es);
    for (const answer of [
      await clientCredentials(signed, { client_secret: 'x' }),
      await clientCredentials(signed, { client_id: 'someone-else' }),
      await token(t.baseUrl, { grant_type: 'client_credentials', client_assertion: signed }),
      await token(t.baseUrl, { grant_type: 'client_credentials', client_assertion: signed, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:saml2-bearer' }),
    ]) {
      expect({ status: answer.status, error: answer.body['error'] }).toEqual({ status: 400, error: 'invalid_request' });
    }
  });

  describe('keys published at a jwks_uri', () => {
    let server: Server;
    let published: unknown;
    let requests = 0;

    beforeAll(async () => {
      server = createServer((_, response) => {
        requests++;
        response.setHeader('content-type', 'application/json').end(JSON.stringify(published));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('verifies with the keys read there, read once for many requests', async () => {
      const key = await assertionKey('EdDSA');
      published = jwksOf(key);
      const remote = await keylessClient('Published keys', { jwksUri: `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json` });
      for (let i = 0; i < 3; i++) expect((await clientCredentials(await assertion(key, remote))).status).toBe(200);
      expect(requests).toBe(1);
      expectSameRefusal(await clientCredentials(await assertion(es, remote)));
    });
  });
});
