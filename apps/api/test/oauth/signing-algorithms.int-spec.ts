import { createHmac, createPrivateKey } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { calculateJwkThumbprint, createRemoteJWKSet, jwtVerify, type JWK } from 'jose';
import { KEYS_MISSING_MESSAGE } from '@keyhouse/shared-contracts';
import { authorize, CALLBACK, codeOf, pkcePair } from '../support/authorize';
import { createCustomerUser } from '../support/fixtures';
import type { HttpClient } from '../support/http-client';
import { createClient, decodeJwt, post, token, type Client } from '../support/oauth';
import { startTestApp, type TestApp } from '../support/test-app';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** OAUTH_SIGNING_ALG=ES256 and EdDSA: the keys, the tokens, the JWKS and the metadata all follow. */
describe.each([
  { alg: 'ES256', keyType: 'ec', keyName: 'a P-256 EC', jwk: { kty: 'EC', crv: 'P-256' }, members: ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y'], other: 'RS256' },
  { alg: 'EdDSA', keyType: 'ed25519', keyName: 'an Ed25519', jwk: { kty: 'OKP', crv: 'Ed25519' }, members: ['alg', 'crv', 'kid', 'kty', 'use', 'x'], other: 'ES256' },
] as const)('a server signing with $alg', ({ alg, keyType, keyName, jwk, members, other }) => {
  let t: TestApp;
  let admin: HttpClient;
  let machine: Client;
  let jwks: ReturnType<typeof createRemoteJWKSet>;

  beforeAll(async () => {
    t = await startTestApp({ OAUTH_SIGNING_ALG: alg, SIGN_IN_MAX_FAILURES_PER_IP: '1000' });
    admin = await t.signedIn();
    machine = await createClient(admin, { name: 'Machine', grants: ['client_credentials'], userId: 1 });
    jwks = createRemoteJWKSet(new URL(`${t.baseUrl}/.well-known/jwks.json`));
  });
  afterAll(() => t.close());

  const accessToken = async (client = machine) => (await token(t.baseUrl, { grant_type: 'client_credentials' }, { client })).body['access_token'] as string;
  const bearer = (path: string, jwt: string) => fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${jwt}` } });

  it(`generated ${keyName} key pair (private key mode 0600), published with alg, kty, crv, use and its RFC 7638 thumbprint`, async () => {
    expect(createPrivateKey(readFileSync(t.config.keys.privateKeyPath)).asymmetricKeyType).toBe(keyType);
    expect(statSync(t.config.keys.privateKeyPath).mode & 0o777).toBe(0o600);
    const { keys } = (await t.client().get<{ keys: JWK[] }>('/.well-known/jwks.json')).body;
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0]).sort()).toEqual(members);
    expect(keys[0]).toMatchObject({ ...jwk, alg, use: 'sig', kid: await calculateJwkThumbprint(keys[0]) });
    expect((await admin.get('/admin/api/system/oauth')).body).toEqual({ available: true, message: 'OAuth authorization is available.' });
  });

  it('signs access tokens with it (RFC 9068 header), which jose verifies with the JWKS, and every API takes', async () => {
    const jwt = await accessToken();
    const { protectedHeader, payload } = await jwtVerify(jwt, jwks, { algorithms: [alg], typ: 'at+jwt', issuer: t.config.server.issuer, audience: `${t.config.server.issuer}/admin/api` });
    const [published] = (await t.client().get<{ keys: JWK[] }>('/.well-known/jwks.json')).body.keys;
    expect(protectedHeader).toEqual({ alg, typ: 'at+jwt', kid: published.kid });
    expect(payload).toMatchObject({ client_id: machine.clientId, sub: 'user:1' });

    expect((await bearer('/admin/api/me', jwt)).status).toBe(200);
    expect((await post(t.baseUrl, '/oauth2-token/introspect', { token: jwt }, { client: machine })).body).toMatchObject({ active: true, client_id: machine.clientId });

    const shopper = await createCustomerUser(t.dataSource, { email: `shopper-${alg}@example.com`, organization: { id: 1 } });
    const store = await createClient(admin, { name: 'Store', grants: ['client_credentials'], frontend: true, userId: shopper.id });
    expect((await bearer('/api/me', await accessToken(store))).status).toBe(200);
  });

  it('signs ID tokens with it, and userinfo takes the access token they came with', async () => {
    const rp = await createClient(admin, { name: 'Relying party', grants: ['authorization_code'], redirectUris: [CALLBACK] });
    const { verifier, challenge } = pkcePair();
    const code = codeOf(await authorize(admin, { response_type: 'code', client_id: rp.clientId, redirect_uri: CALLBACK, scope: 'openid', nonce: 'n-1', code_challenge: challenge, code_challenge_method: 'S256' }));
    const answer = await token(t.baseUrl, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier }, { client: rp });
    expect(answer.status).toBe(200);

    const { protectedHeader, payload } = await jwtVerify(answer.body['id_token'] as string, jwks, { algorithms: [alg], typ: 'JWT', issuer: t.config.server.issuer, audience: rp.clientId });
    expect(protectedHeader.alg).toBe(alg);
    expect(payload['nonce']).toBe('n-1');
    const userinfo = await bearer('/oauth2-token/userinfo', answer.body['access_token'] as string);
    expect(userinfo.status).toBe(200);
    expect(((await userinfo.json()) as Record<string, unknown>)['sub']).toBe(payload.sub);
  });

  it('the metadata lists it as the access token and ID token signing algorithm, in both documents', async () => {
    const oauth = await t.client().get<Record<string, unknown>>('/.well-known/oauth-authorization-server');
    expect(oauth.body).toMatchObject({ id_token_signing_alg_values_supported: [alg], access_token_signing_alg_values_supported: [alg] });
    expect((await t.client().get('/.well-known/openid-configuration')).body).toEqual(oauth.body);
  });

  it(`refuses its token relabelled ${other}, or HS256 keyed with the published key, everywhere tokens are taken`, async () => {
    const jwt = await accessToken();
    const { header } = decodeJwt(jwt);
    const [, claims, signature] = jwt.split('.');
    const relabelled = `${b64({ ...header, alg: other })}.${claims}.${signature}`;
    const [published] = (await t.client().get<{ keys: JWK[] }>('/.well-known/jwks.json')).body.keys;
    const hsInput = `${b64({ ...header, alg: 'HS256' })}.${claims}`;
    const hs = `${hsInput}.${createHmac('sha256', JSON.stringify(published)).update(hsInput).digest('base64url')}`;
    for (const forged of [relabelled, hs]) {
      expect((await bearer('/admin/api/me', forged)).status).toBe(401);
      expect((await post(t.baseUrl, '/oauth2-token/introspect', { token: forged }, { client: machine })).text).toBe('{"active":false}');
    }
  });

  it('without key files and OAUTH_GENERATE_KEYS off, it is Oro\'s warning, and no token is signed', async () => {
    const missing = await startTestApp({ OAUTH_SIGNING_ALG: alg, OAUTH_GENERATE_KEYS: 'false' });
    try {
      expect((await (await missing.signedIn()).get('/admin/api/system/oauth')).body).toEqual({ available: false, message: KEYS_MISSING_MESSAGE });
      const client = await createClient(await missing.signedIn(), { name: 'Keyless server', grants: ['client_credentials'], userId: 1 });
      const refused = await token(missing.baseUrl, { grant_type: 'client_credentials' }, { client });
      expect({ status: refused.status, error: refused.body['error'] }).toEqual({ status: 503, error: 'temporarily_unavailable' });
      // What it will sign with once keys are there.
      expect((await missing.client().get<Record<string, unknown>>('/.well-known/oauth-authorization-server')).body['id_token_signing_alg_values_supported']).toEqual([alg]);
    } finally {
      await missing.close();
    }
  });
});
