import { createServer, type Server } from 'node:http';
import type { CreatedOAuthApplicationDto, OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { exportJWK, generateKeyPair } from 'jose';
import * as client from 'openid-client';
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

  /** A client_credentials application with no secret, its keys in `keys`, created as an admin does. */
  const keylessClient = (name: string, keys: { jwks?: unknown; jwksUri?: string }): Promise<KeylessClient> =>
    createClient(admin, { name, grants: ['client_credentials'], userId: botId, scopes: ['read'], tokenEndpointAuthMethod: 'private_key_jwt', ...keys });
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

  it('is created with no secret, and its keys are checked: public signing keys, in one place', async () => {
    const created = await admin.post<CreatedOAuthApplicationDto>('/admin/api/oauth-applications', {
      name: 'Checked keys',
      grants: ['client_credentials'],
      userId: botId,
      tokenEndpointAuthMethod: 'private_key_jwt',
      jwks: jwksOf(es),
    });
    expect(created.body).toMatchObject({ tokenEndpointAuthMethod: 'private_key_jwt', jwks: jwksOf(es), jwksUri: null, clientSecret: null });
    expect(await t.dataSource.query('SELECT id FROM oauth_client_secrets WHERE applicationId = ?', [created.body.id])).toEqual([]);

    const refusals: Array<[Record<string, unknown>, Record<string, string>]> = [
      [{ jwks: { keys: [await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey)] } }, { jwks: 'Key 1 is a private key: register its public part only.' }],
      [{ jwks: jwksOf(es), jwksUri: 'https://keys.example.com/jwks.json' }, { jwksUri: 'Give the JWK Set or its URL, not both.' }],
      [{}, { jwks: 'Give the public keys the application signs with: a JWK Set, or the URL where it publishes one.' }],
    ];
    for (const [keys, errors] of refusals) {
      const answer = await admin.post('/admin/api/oauth-applications', { name: 'Refused', grants: ['client_credentials'], userId: botId, tokenEndpointAuthMethod: 'private_key_jwt', ...keys });
      expect({ status: answer.status, errors: (answer.body as { errors: unknown }).errors }).toEqual({ status: 400, errors });
    }
    const publicClient = await admin.post('/admin/api/oauth-applications', {
      name: 'Refused',
      grants: ['authorization_code'],
      redirectUris: ['https://spa.example.com/cb'],
      confidential: false,
      tokenEndpointAuthMethod: 'private_key_jwt',
      jwks: jwksOf(es),
    });
    expect((publicClient.body as { errors: unknown }).errors).toEqual({ tokenEndpointAuthMethod: 'A public client proves itself with PKCE alone: its client authentication is none.' });
  });

  it('takes new keys on an edit, at once: a rotation', async () => {
    const before = await assertionKey('ES256');
    const after = await assertionKey('ES256');
    const rotating = await keylessClient('Rotating', { jwks: jwksOf(before) });
    expect((await clientCredentials(await assertion(before, rotating))).status).toBe(200);
    const edited = await admin.request('PUT', `/admin/api/oauth-applications/${rotating.id}`, { jwks: jwksOf(after) }, {});
    expect(edited.status).toBe(200);
    expect((await clientCredentials(await assertion(after, rotating))).status).toBe(200);
    expectSameRefusal(await clientCredentials(await assertion(before, rotating)));
    const changed = await admin.request('PUT', `/admin/api/oauth-applications/${rotating.id}`, { tokenEndpointAuthMethod: 'client_secret_basic' }, {});
    expect((changed.body as { errors: unknown }).errors).toEqual({ tokenEndpointAuthMethod: 'The client authentication cannot be changed after creation.' });
  });

  it('shows how it authenticates, and has no secret to regenerate, add or list', async () => {
    const shown = await admin.get<OAuthApplicationDto>(`/admin/api/oauth-applications/${machine.id}`);
    expect(shown.body).toMatchObject({ confidential: true, tokenEndpointAuthMethod: 'private_key_jwt', jwks: jwksOf(es, rsa), jwksUri: null });
    const noSecret = { tokenEndpointAuthMethod: 'It authenticates with private_key_jwt: it signs its assertions with its own key and has no secret.' };
    expect(await admin.post(`/admin/api/oauth-applications/${machine.id}/secret`)).toMatchObject({
      status: 400,
      body: { message: 'An application using private_key_jwt has no secret to regenerate.', errors: noSecret },
    });
    expect(await admin.post(`/admin/api/oauth-applications/${machine.id}/secrets`, {})).toMatchObject({
      status: 400,
      body: { message: 'An application using private_key_jwt has no secrets.', errors: noSecret },
    });
    expect((await admin.get(`/admin/api/oauth-applications/${machine.id}/secrets`)).body).toEqual([]);
  });

  it('leaves the other applications as they were: a secret for confidential ones, none for public ones', async () => {
    const withSecret = await createClient(admin, { name: 'Secretive', grants: ['client_credentials'], userId: botId });
    const spa = await createClient(admin, { name: 'Single page', grants: ['authorization_code'], confidential: false, redirectUris: ['https://spa.example.com/cb'] });
    for (const [client, method] of [[withSecret, 'client_secret_basic'], [spa, 'none']] as const) {
      expect((await admin.get<OAuthApplicationDto>(`/admin/api/oauth-applications/${client.id}`)).body).toMatchObject({ tokenEndpointAuthMethod: method, jwks: null, jwksUri: null });
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

/** A relying party that knows private_key_jwt already: openid-client v6 signs its assertions itself. */
describe('private_key_jwt with openid-client', () => {
  const ISSUER = 'http://keyhouse.test';
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ ISSUER });
  });
  afterAll(() => t.close());

  it('gets a token by client_credentials, introspects and revokes it, each request with its own assertion', async () => {
    const admin = await t.signedIn();
    const key = await assertionKey('PS256');
    const registered = await createClient(admin, { name: 'openid-client machine', grants: ['client_credentials'], userId: 1, tokenEndpointAuthMethod: 'private_key_jwt', jwks: jwksOf(key) });
    const config = await client.discovery(new URL(ISSUER), registered.clientId, undefined, client.PrivateKeyJwt({ key: key.privateKey, kid: key.kid }), {
      execute: [client.allowInsecureRequests],
      [client.customFetch]: (url: string, options: RequestInit) => fetch(url.replace(ISSUER, t.baseUrl), options),
    });
    expect(config.serverMetadata().token_endpoint_auth_methods_supported).toContain('private_key_jwt');

    const tokens = await client.clientCredentialsGrant(config);
    expect(tokens.access_token).toEqual(expect.any(String));
    expect(await client.tokenIntrospection(config, tokens.access_token)).toMatchObject({ active: true, client_id: registered.clientId, sub: 'user:1' });
    await client.tokenRevocation(config, tokens.access_token);
    expect(await client.tokenIntrospection(config, tokens.access_token)).toEqual({ active: false });
  });
});
