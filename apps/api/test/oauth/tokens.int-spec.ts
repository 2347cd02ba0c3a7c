import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CustomerUser } from '@keyhouse/api-identity';
import { createCustomerUser, createUser } from '../support/fixtures';
import type { HttpClient } from '../support/http-client';
import { createClient, decodeJwt, post, token, type Client } from '../support/oauth';
import { startTestApp, type TestApp } from '../support/test-app';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access tokens, keys, revocation, introspection and the APIs that accept tokens', () => {
  let t: TestApp;
  let admin: HttpClient;
  let machine: Client;
  let store: Client;
  let botId: number;
  let customerId: number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn();
    botId = (await createUser(t.dataSource, { username: 'bot', organizations: [{ id: 1 }] })).id;
    customerId = (await createCustomerUser(t.dataSource, { email: 'shopper@example.com', organization: { id: 1 }, firstName: 'Sam' })).id;
    machine = await createClient(admin, { name: 'Machine', grants: ['client_credentials', 'password'], userId: botId, scopes: ['read'] });
    store = await createClient(admin, { name: 'Store', grants: ['client_credentials', 'password'], frontend: true, userId: customerId });
  });
  afterAll(() => t.close());

  const accessToken = async (client = machine) => (await token(t.baseUrl, { grant_type: 'client_credentials' }, { client })).body['access_token'] as string;
  const adminMe = (jwt: string) => fetch(`${t.baseUrl}/admin/api/me`, { headers: { authorization: `Bearer ${jwt}` } });
  const storefrontMe = (jwt: string) => fetch(`${t.baseUrl}/api/me`, { headers: { authorization: `Bearer ${jwt}` } });

  describe('RFC 9068 JWT access tokens', () => {
    it('2.1 header: RS256, typ at+jwt, kid the RFC 7638 thumbprint published in the JWKS', async () => {
      const { header } = decodeJwt(await accessToken());
      const jwks = (await (await fetch(`${t.baseUrl}/.well-known/jwks.json`)).json()) as { keys: Array<Record<string, string>> };
      expect(header).toEqual({ alg: 'RS256', typ: 'at+jwt', kid: jwks.keys[0]['kid'] });
    });

    it('2.2 claims: iss, sub, aud, exp, iat, jti, client_id, scope; aud tells back-office from storefront', async () => {
      const { claims } = decodeJwt(await accessToken());
      expect(claims).toEqual({
        iss: t.config.server.issuer,
        sub: `user:${botId}`,
        aud: `${t.config.server.issuer}/admin/api`,
        exp: expect.any(Number),
        iat: expect.any(Number),
        jti: expect.stringMatching(/^[0-9a-f]{32}$/),
        client_id: machine.clientId,
        scope: 'read',
      });
      expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(3600);
      expect(decodeJwt(await accessToken(store)).claims['aud']).toBe(`${t.config.server.issuer}/api`);
    });

    it('the JWKS publishes public parts only', async () => {
      const jwks = (await (await fetch(`${t.baseUrl}/.well-known/jwks.json`)).json()) as { keys: Array<Record<string, string>> };
      expect(jwks.keys).toHaveLength(1);
      expect(Object.keys(jwks.keys[0]).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    });

    it('RFC 8414 metadata lists the endpoints, grants and methods', async () => {
      const metadata = await (await fetch(`${t.baseUrl}/.well-known/oauth-authorization-server`)).json();
      expect(metadata).toEqual(
        expect.objectContaining({
          issuer: t.config.server.issuer,
          token_endpoint: `${t.config.server.issuer}/oauth2-token`,
          jwks_uri: `${t.config.server.issuer}/.well-known/jwks.json`,
          revocation_endpoint: `${t.config.server.issuer}/oauth2-token/revoke`,
          introspection_endpoint: `${t.config.server.issuer}/oauth2-token/introspect`,
          authorization_endpoint: `${t.config.server.issuer}/oauth2-token/authorize`,
          grant_types_supported: ['client_credentials', 'password', 'refresh_token', 'authorization_code'],
          scopes_supported: expect.arrayContaining(['applications:read', 'applications:write', 'users:read', 'users:write', 'audit:read']),
          response_types_supported: ['code'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'],
          token_endpoint_auth_signing_alg_values_supported: ['RS256', 'PS256', 'ES256', 'EdDSA'],
          code_challenge_methods_supported: ['S256'],
        }),
      );
    });
  });

  describe('APIs that accept tokens (RFC 6750)', () => {
    it('/admin/api accepts a back-office application\'s token and acts as its user', async () => {
      const answer = await adminMe(await accessToken());
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual(expect.objectContaining({ id: botId, username: 'bot' }));
    });

    it('/admin/api with a Bearer token needs no CSRF header, and its scopes bound what it may do', async () => {
      const scoped = await createClient(admin, { name: 'Scoped machine', grants: ['client_credentials'], userId: botId, scopes: ['applications:read', 'applications:write'] });
      const withScope = async (scope: string) => (await token(t.baseUrl, { grant_type: 'client_credentials', scope }, { client: scoped })).body['access_token'] as string;
      const list = (jwt: string) => fetch(`${t.baseUrl}/admin/api/oauth-applications`, { headers: { authorization: `Bearer ${jwt}` } });
      const create = (jwt: string, name: string) =>
        fetch(`${t.baseUrl}/admin/api/oauth-applications`, {
          method: 'POST',
          headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name, grants: ['password'] }),
        });

      const reader = await withScope('applications:read');
      expect((await list(reader)).status).toBe(200);
      expect((await create(reader, 'Made by a reader')).status).toBe(403);
      expect((await create(await withScope('applications:write'), 'Made by a machine')).status).toBe(201);
      // A scope of the application's own (not the back-office API's) grants nothing here.
      expect((await list(await accessToken())).status).toBe(403);
    });

    it('a Bearer token is not a console session: GET /admin/api/session hands out no CSRF token', async () => {
      const answer = await fetch(`${t.baseUrl}/admin/api/session`, { headers: { authorization: `Bearer ${await accessToken()}` } });
      expect(answer.status).toBe(401);
      expect(await answer.json()).toEqual({ message: 'No console session: sign in with POST /admin/api/session.' });
    });

    it('/api/me answers the customer user of a storefront token', async () => {
      const answer = await storefrontMe(await accessToken(store));
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual(expect.objectContaining({ id: customerId, email: 'shopper@example.com', firstName: 'Sam' }));
    });

    it('tokens are not interchangeable: each side refuses the other\'s with 401 invalid_token', async () => {
      for (const answer of [await storefrontMe(await accessToken(machine)), await adminMe(await accessToken(store))]) {
        expect(answer.status).toBe(401);
        expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      }
    });

    it('refuses forged tokens: alg none, HS256 keyed with the public key, another key, tampered claims', async () => {
      const real = await accessToken();
      const { header, claims } = decodeJwt(real);
      const publicPem = readFileSync(t.config.keys.publicKeyPath, 'utf8');
      const hsInput = `${b64({ ...header, alg: 'HS256' })}.${b64(claims)}`;
      const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      const foreignInput = `${b64(header)}.${b64(claims)}`;
      const forgeries = [
        `${b64({ ...header, alg: 'none' })}.${b64(claims)}.`,
        `${hsInput}.${createHmac('sha256', publicPem).update(hsInput).digest('base64url')}`,
        `${foreignInput}.${sign('sha256', Buffer.from(foreignInput), otherKey).toString('base64url')}`,
        `${real.split('.')[0]}.${b64({ ...claims, sub: '1' })}.${real.split('.')[2]}`,
        'not-a-token',
      ];
      for (const forged of forgeries) expect((await adminMe(forged)).status).toBe(401);
    });

    it('refuses an expired token', async () => {
      const { header, claims } = decodeJwt(await accessToken());
      const privatePem = readFileSync(t.config.keys.privateKeyPath, 'utf8');
      const input = `${b64(header)}.${b64({ ...claims, exp: Math.floor(Date.now() / 1000) - 1 })}`;
      const expired = `${input}.${sign('sha256', Buffer.from(input), privatePem).toString('base64url')}`;
      expect((await adminMe(expired)).status).toBe(401);
    });

    it('refuses tokens of a deactivated application, and accepts them again on reactivation', async () => {
      const client = await createClient(admin, { name: 'Switchable', grants: ['client_credentials'], userId: botId });
      const jwt = await accessToken(client);
      await admin.post(`/admin/api/oauth-applications/${client.id}/deactivate`);
      expect((await adminMe(jwt)).status).toBe(401);
      await admin.post(`/admin/api/oauth-applications/${client.id}/activate`);
      expect((await adminMe(jwt)).status).toBe(200);
    });

    it('refuses tokens of a deleted application', async () => {
      const client = await createClient(admin, { name: 'Deleted', grants: ['client_credentials'], userId: botId });
      const jwt = await accessToken(client);
      await admin.delete(`/admin/api/oauth-applications/${client.id}`);
      expect((await adminMe(jwt)).status).toBe(401);
    });

    it('refuses tokens of a disabled user', async () => {
      const quiet = await createUser(t.dataSource, { username: 'soon-disabled', organizations: [{ id: 1 }] });
      const client = await createClient(admin, { name: 'For quiet', grants: ['client_credentials'], userId: quiet.id });
      const jwt = await accessToken(client);
      await t.dataSource.query('UPDATE users SET enabled = ? WHERE id = ?', [false, quiet.id]);
      expect((await adminMe(jwt)).status).toBe(401);
    });
  });

  describe('sub (RFC 7519 4.1.2): unique per issuer', () => {
    it('tells a back-office user from the customer user with the same id', async () => {
      const twin = await t.dataSource
        .getRepository(CustomerUser)
        .save({ id: botId, email: 'twin@example.com', firstName: '', lastName: '', enabled: true, organizationId: 1, passwordHash: 'unused' });
      const twinStore = await createClient(admin, { name: 'Twin store', grants: ['client_credentials'], frontend: true, userId: twin.id });
      const forUser = await accessToken(machine);
      const forCustomer = await accessToken(twinStore);
      expect(decodeJwt(forUser).claims['sub']).toBe(`user:${botId}`);
      expect(decodeJwt(forCustomer).claims['sub']).toBe(`customer:${botId}`);
      expect((await post(t.baseUrl, '/oauth2-token/introspect', { token: forCustomer }, { client: twinStore })).body['sub']).toBe(`customer:${botId}`);
      expect(await (await storefrontMe(forCustomer)).json()).toEqual(expect.objectContaining({ id: botId, email: 'twin@example.com' }));
    });

    it('accepts a token signed before sub carried the type, until it expires, and introspects it in the new form', async () => {
      const { header, claims } = decodeJwt(await accessToken());
      const privatePem = readFileSync(t.config.keys.privateKeyPath, 'utf8');
      const signed = (changes: Record<string, unknown>) => {
        const input = `${b64(header)}.${b64({ ...claims, ...changes })}`;
        return `${input}.${sign('sha256', Buffer.from(input), privatePem).toString('base64url')}`;
      };
      const legacy = signed({ sub: String(botId) });
      const me = await adminMe(legacy);
      expect(me.status).toBe(200);
      expect(((await me.json()) as { id: number }).id).toBe(botId);
      expect((await post(t.baseUrl, '/oauth2-token/introspect', { token: legacy }, { client: machine })).body['sub']).toBe(`user:${botId}`);
      expect((await adminMe(signed({ sub: String(botId), exp: Math.floor(Date.now() / 1000) - 1 }))).status).toBe(401);
      // A sub of the other side is nobody on this one, even under our signature.
      expect((await adminMe(signed({ sub: `customer:${botId}` }))).status).toBe(401);
    });
  });

  describe('RFC 7009 revocation', () => {
    it('requires client authentication', async () => {
      const answer = await post(t.baseUrl, '/oauth2-token/revoke', { token: 'x' });
      expect(answer.status).toBe(401);
      expect(answer.body['error']).toBe('invalid_client');
    });

    it('2.2 answers 200 for an unknown token', async () => {
      const answer = await post(t.baseUrl, '/oauth2-token/revoke', { token: 'never-issued' }, { client: machine });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
    });

    it('revokes an access token at once', async () => {
      const jwt = await accessToken();
      expect((await post(t.baseUrl, '/oauth2-token/revoke', { token: jwt, token_type_hint: 'access_token' }, { client: machine })).status).toBe(200);
      expect((await adminMe(jwt)).status).toBe(401);
    });

    it('lets a client revoke only its own tokens', async () => {
      const other = await createClient(admin, { name: 'Other', grants: ['client_credentials'], userId: botId });
      const jwt = await accessToken();
      expect((await post(t.baseUrl, '/oauth2-token/revoke', { token: jwt }, { client: other })).status).toBe(200);
      expect((await adminMe(jwt)).status).toBe(200);
    });

    it('2.1 revoking a refresh token revokes its family\'s access tokens', async () => {
      const signedIn = (await token(t.baseUrl, { grant_type: 'password', username: 'admin', password: 'integration-admin-password' }, { client: machine })).body;
      expect((await adminMe(signedIn['access_token'] as string)).status).toBe(200);
      await post(t.baseUrl, '/oauth2-token/revoke', { token: signedIn['refresh_token'] as string }, { client: machine });
      expect((await adminMe(signedIn['access_token'] as string)).status).toBe(401);
      expect((await token(t.baseUrl, { grant_type: 'refresh_token', refresh_token: signedIn['refresh_token'] as string }, { client: machine })).body['error']).toBe('invalid_grant');
    });
  });

  describe('RFC 7662 introspection', () => {
    const introspect = (value: string, client = machine) => post(t.baseUrl, '/oauth2-token/introspect', { token: value }, { client });

    it('requires client authentication', async () => {
      expect((await post(t.baseUrl, '/oauth2-token/introspect', { token: 'x' })).status).toBe(401);
    });

    it('2.2 describes an active access token', async () => {
      const answer = await introspect(await accessToken());
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(expect.objectContaining({ active: true, client_id: machine.clientId, sub: `user:${botId}`, scope: 'read', token_type: 'Bearer' }));
    });

    it('2.2 answers exactly {"active":false} for revoked, forged, foreign and unknown tokens', async () => {
      const revoked = await accessToken();
      await post(t.baseUrl, '/oauth2-token/revoke', { token: revoked }, { client: machine });
      const { header, claims } = decodeJwt(await accessToken());
      const forged = `${b64({ ...header, alg: 'none' })}.${b64(claims)}.`;
      const foreign = await accessToken(store);
      for (const value of [revoked, forged, foreign, 'unknown']) {
        const answer = await introspect(value);
        expect(answer.status).toBe(200);
        expect(answer.text).toBe('{"active":false}');
      }
    });

    it('describes an active refresh token, and not a spent one', async () => {
      const signedIn = (await token(t.baseUrl, { grant_type: 'password', username: 'admin', password: 'integration-admin-password' }, { client: machine })).body;
      const refresh = (await introspect(signedIn['refresh_token'] as string)).body;
      expect(refresh).toEqual(expect.objectContaining({ active: true, sub: 'user:1' }));
      // RFC 7662 2.2: token_type is an access token's type; a refresh token has none to give.
      expect(refresh).not.toHaveProperty('token_type');
      await token(t.baseUrl, { grant_type: 'refresh_token', refresh_token: signedIn['refresh_token'] as string }, { client: machine });
      expect((await introspect(signedIn['refresh_token'] as string)).text).toBe('{"active":false}');
    });
  });

  describe('last used', () => {
    it('updates the application\'s lastUsedAt within seconds, without touching updatedAt', async () => {
      const client = await createClient(admin, { name: 'Usage', grants: ['client_credentials'], userId: botId });
      const before = (await admin.get<{ updatedAt: string }>(`/admin/api/oauth-applications/${client.id}`)).body.updatedAt;
      await accessToken(client);
      let lastUsedAt: string | null = null;
      for (let i = 0; i < 200 && !lastUsedAt; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        lastUsedAt = (await admin.get<{ lastUsedAt: string | null }>(`/admin/api/oauth-applications/${client.id}`)).body.lastUsedAt;
      }
      expect(lastUsedAt).not.toBeNull();
      expect((await admin.get<{ updatedAt: string }>(`/admin/api/oauth-applications/${client.id}`)).body.updatedAt).toBe(before);
    });
  });
});
