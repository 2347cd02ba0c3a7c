import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { sqlDatetime } from '@keyhouse/api-persistence';
import { authorize, authorizePath, CALLBACK, codeOf, locationOf, pkcePair, signInOnPage } from '../support/authorize';
import { createCustomerUser, createOrganization, createUser } from '../support/fixtures';
import type { HttpClient } from '../support/http-client';
import { createClient, decodeJwt, token, type Client } from '../support/oauth';
import { startTestApp, type TestApp } from '../support/test-app';

const seconds = (date: number) => Math.floor(date / 1000);

describe('OpenID Connect Core 1.0 on the authorization code flow', () => {
  let t: TestApp;
  let admin: HttpClient;
  let app: Client;
  let signedInAt: { from: number; to: number };

  beforeAll(async () => {
    t = await startTestApp({ SIGN_IN_MAX_FAILURES_PER_IP: '1000' });
    const from = Date.now();
    admin = await t.signedIn();
    signedInAt = { from: seconds(from), to: seconds(Date.now()) + 1 };
    app = await createClient(admin, { name: 'Relying party', grants: ['authorization_code'], scopes: ['orders:read'], redirectUris: [CALLBACK] });
  });
  afterAll(() => t.close());

  const codeFor = async (client: Client, extra: Record<string, string> = {}, browser = admin) =>
    codeOf(await authorize(browser, { response_type: 'code', client_id: client.clientId, redirect_uri: CALLBACK, ...extra }));
  const exchange = (client: Client, code: string, extra: Record<string, string> = {}) =>
    token(t.baseUrl, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, ...extra }, { client });
  const signIn = async (client: Client, extra: Record<string, string> = {}, browser = admin) => {
    const answer = await exchange(client, await codeFor(client, extra, browser));
    expect(answer.status).toBe(200);
    return answer.body;
  };

  /** The claims of an ID token whose RS256 signature one of the published keys verifies. */
  async function verifiedIdToken(jwt: string): Promise<{ header: Record<string, unknown>; claims: Record<string, unknown> }> {
    const { keys } = (await t.client().get<{ keys: Array<JsonWebKey & { kid: string }> }>('/.well-known/jwks.json')).body;
    const { header, claims } = decodeJwt(jwt);
    const jwk = keys.find((key) => key.kid === header['kid']);
    if (!jwk) throw new Error(`no published key ${String(header['kid'])}`);
    const [encodedHeader, encodedClaims, signature] = jwt.split('.');
    const valid = verify('sha256', Buffer.from(`${encodedHeader}.${encodedClaims}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(signature, 'base64url'));
    expect(valid).toBe(true);
    return { header, claims };
  }

  describe('discovery', () => {
    it('GET /.well-known/openid-configuration is the RFC 8414 document, with what Discovery 1.0 section 3 requires', async () => {
      const openid = await t.client().get<Record<string, unknown>>('/.well-known/openid-configuration');
      const oauth = await t.client().get<Record<string, unknown>>('/.well-known/oauth-authorization-server');
      expect(openid.status).toBe(200);
      expect(openid.body).toEqual(oauth.body);
      const issuer = t.config.server.issuer;
      expect(openid.body).toMatchObject({
        issuer,
        authorization_endpoint: `${issuer}/oauth2-token/authorize`,
        token_endpoint: `${issuer}/oauth2-token`,
        userinfo_endpoint: `${issuer}/oauth2-token/userinfo`,
        jwks_uri: `${issuer}/.well-known/jwks.json`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: expect.arrayContaining(['client_secret_basic', 'client_secret_post']),
        request_parameter_supported: false,
        request_uri_parameter_supported: false,
      });
      expect(openid.body['scopes_supported']).toEqual(expect.arrayContaining(['openid', 'profile', 'email', 'users:read', 'applications:write']));
      expect(openid.body['claims_supported']).toEqual(
        expect.arrayContaining(['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'azp', 'name', 'given_name', 'family_name', 'locale', 'email', 'email_verified']),
      );
    });
  });

  describe('the ID token (Core 2, 3.1.3.3)', () => {
    it('comes with scope openid: RS256 with the current key, for the client, saying who signed in and when', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await codeFor(app, { scope: 'openid orders:read', nonce: 'n-0S6_WzA2Mj', code_challenge: challenge, code_challenge_method: 'S256' });
      const answer = await exchange(app, code, { code_verifier: verifier });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ token_type: 'Bearer', scope: 'openid orders:read', id_token: expect.any(String), organization_id: 1 });

      const { header, claims } = await verifiedIdToken(answer.body['id_token'] as string);
      const { keys } = (await t.client().get<{ keys: Array<{ kid: string }> }>('/.well-known/jwks.json')).body;
      expect(header).toEqual({ alg: 'RS256', typ: 'JWT', kid: keys[0].kid });
      const accessToken = decodeJwt(answer.body['access_token'] as string).claims;
      expect(claims).toEqual({
        iss: t.config.server.issuer,
        sub: accessToken['sub'],
        aud: app.clientId,
        azp: app.clientId,
        exp: (claims['iat'] as number) + (answer.body['expires_in'] as number),
        iat: expect.any(Number),
        auth_time: expect.any(Number),
        nonce: 'n-0S6_WzA2Mj',
      });
      expect(Math.abs((claims['iat'] as number) - seconds(Date.now()))).toBeLessThan(5);
      // When the console session behind the consent was signed in, not when the code was issued.
      expect(claims['auth_time']).toBeGreaterThanOrEqual(signedInAt.from);
      expect(claims['auth_time']).toBeLessThanOrEqual(signedInAt.to);
    });

    it('is not an access token: the back-office API refuses it', async () => {
      const { id_token: idToken } = await signIn(app, { scope: 'openid' });
      expect((await t.client().get('/admin/api/me', { authorization: `Bearer ${String(idToken)}` })).status).toBe(401);
    });

    it('has no nonce when the request sent none, and there is no ID token without scope openid', async () => {
      const withoutNonce = await signIn(app, { scope: 'openid' });
      expect(decodeJwt(withoutNonce['id_token'] as string).claims).not.toHaveProperty('nonce');
      expect(await signIn(app, { scope: 'orders:read' })).not.toHaveProperty('id_token');
    });

    it('a nonce longer than 512 characters is invalid_request, sent back to the client', async () => {
      const location = locationOf(await admin.get(authorizePath({ response_type: 'code', client_id: app.clientId, redirect_uri: CALLBACK, scope: 'openid', nonce: 'n'.repeat(513) })));
      expect(location.searchParams.get('error')).toBe('invalid_request');
    });

    it('refreshing keeps the grant and its scope, and answers no new ID token (Core 12.2)', async () => {
      const first = await signIn(app, { scope: 'openid orders:read' });
      const refreshed = await token(t.baseUrl, { grant_type: 'refresh_token', refresh_token: first['refresh_token'] as string }, { client: app });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body).toMatchObject({ scope: 'openid orders:read', refresh_token: expect.any(String) });
      expect(refreshed.body).not.toHaveProperty('id_token');
      const narrowed = await token(t.baseUrl, { grant_type: 'refresh_token', refresh_token: refreshed.body['refresh_token'] as string, scope: 'openid' }, { client: app });
      expect(narrowed.body).toMatchObject({ scope: 'openid' });
    });

    it('is issued for customer users of storefront applications, with the storefront session\'s sign-in time', async () => {
      const shopper = await createCustomerUser(t.dataSource, { email: 'oidc-shopper@example.com', organization: { id: 1 } });
      const store = await createClient(admin, { name: 'OIDC store', grants: ['authorization_code'], frontend: true, redirectUris: [CALLBACK] });
      const browser = t.client();
      const path = authorizePath({ response_type: 'code', client_id: store.clientId, redirect_uri: CALLBACK, scope: 'openid', nonce: 'store-nonce' });
      const from = seconds(Date.now());
      const back = await signInOnPage(browser, locationOf(await browser.get(path)), shopper.email, 'a-customer-password');
      const to = seconds(Date.now()) + 1;
      const answer = await exchange(store, await codeFor(store, { scope: 'openid', nonce: 'store-nonce' }, browser));
      expect(back).toBe(path);
      const { claims } = await verifiedIdToken(answer.body['id_token'] as string);
      expect(claims).toMatchObject({ sub: decodeJwt(answer.body['access_token'] as string).claims['sub'], aud: store.clientId, nonce: 'store-nonce' });
      expect(claims['auth_time']).toBeGreaterThanOrEqual(from);
      expect(claims['auth_time']).toBeLessThanOrEqual(to);
    });
  });

  describe('userinfo (Core 5.3)', () => {
    let grace: HttpClient;
    const userinfo = (accessToken: unknown, method = 'GET') => fetch(`${t.baseUrl}/oauth2-token/userinfo`, { method, headers: { authorization: `Bearer ${String(accessToken)}` } });
    const claimsOf = async (response: Response) => {
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      return (await response.json()) as Record<string, unknown>;
    };

    beforeAll(async () => {
      await createUser(t.dataSource, { username: 'grace', password: 'grace-password', firstName: 'Grace', lastName: 'Hopper', organizations: [{ id: 1 }], roles: [] });
      grace = await t.signedIn('grace', 'grace-password');
    });

    it('answers the claims the granted scopes allow, with the ID token\'s sub, on GET and POST', async () => {
      const answer = await signIn(app, { scope: 'openid profile email' }, grace);
      const sub = decodeJwt(answer['id_token'] as string).claims['sub'];
      const expected = { sub, name: 'Grace Hopper', given_name: 'Grace', family_name: 'Hopper', locale: 'en', email: 'grace@example.com', email_verified: false };
      expect(await claimsOf(await userinfo(answer['access_token']))).toEqual(expected);
      expect(await claimsOf(await userinfo(answer['access_token'], 'POST'))).toEqual(expected);
    });

    it('filters by scope: sub alone for openid, the profile for profile, the address for email', async () => {
      const only = async (scope: string) => claimsOf(await userinfo((await signIn(app, { scope }, grace))['access_token']));
      expect(Object.keys(await only('openid'))).toEqual(['sub']);
      expect(Object.keys(await only('openid profile')).sort()).toEqual(['family_name', 'given_name', 'locale', 'name', 'sub']);
      expect(Object.keys(await only('openid email orders:read')).sort()).toEqual(['email', 'email_verified', 'sub']);
    });

    it('takes the token in a form body too (RFC 6750 2.2), but never twice, never from the query', async () => {
      const { access_token: accessToken } = await signIn(app, { scope: 'openid email' }, grace);
      const form = (body: string, headers: Record<string, string> = {}) =>
        fetch(`${t.baseUrl}/oauth2-token/userinfo`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
      expect((await claimsOf(await form(`access_token=${String(accessToken)}`)))['email']).toBe('grace@example.com');
      const twice = await form(`access_token=${String(accessToken)}`, { authorization: `Bearer ${String(accessToken)}` });
      expect(twice.status).toBe(400);
      expect(((await twice.json()) as Record<string, unknown>)['error']).toBe('invalid_request');
      const query = await fetch(`${t.baseUrl}/oauth2-token/userinfo?access_token=${String(accessToken)}`);
      expect(query.status).toBe(401);
      expect(query.headers.get('www-authenticate')).toBe('Bearer realm="keyhouse"');
    });

    it('answers a customer user\'s claims for a storefront token', async () => {
      const shopper = await createCustomerUser(t.dataSource, { email: 'claims-shopper@example.com', organization: { id: 1 }, firstName: 'Sam', lastName: 'Shopper' });
      const store = await createClient(admin, { name: 'Claims store', grants: ['authorization_code'], frontend: true, redirectUris: [CALLBACK] });
      const browser = t.client();
      const path = authorizePath({ response_type: 'code', client_id: store.clientId, redirect_uri: CALLBACK, scope: 'openid profile email' });
      await signInOnPage(browser, locationOf(await browser.get(path)), shopper.email, 'a-customer-password');
      const answer = await signIn(store, { scope: 'openid profile email' }, browser);
      expect(await claimsOf(await userinfo(answer['access_token']))).toEqual({
        sub: decodeJwt(answer['id_token'] as string).claims['sub'],
        name: 'Sam Shopper',
        given_name: 'Sam',
        family_name: 'Shopper',
        locale: 'en',
        email: 'claims-shopper@example.com',
        email_verified: false,
      });
    });

    it('refuses as RFC 6750 3.1 says: no token, a bad one, an ID token, one without openid', async () => {
      const none = await fetch(`${t.baseUrl}/oauth2-token/userinfo`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer realm="keyhouse"');
      expect(await none.json()).toEqual({ error: 'invalid_token', error_description: 'Send an access token: Authorization: Bearer <token>.' });

      const forged = await userinfo('eyJhbGciOiJub25lIn0.e30.');
      expect(forged.status).toBe(401);
      expect(forged.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(await forged.json()).toEqual({ error: 'invalid_token', error_description: 'The access token is invalid, expired or revoked.' });

      const { id_token: idToken } = await signIn(app, { scope: 'openid' }, grace);
      expect((await userinfo(idToken)).status).toBe(401);

      const withoutOpenId = await userinfo((await signIn(app, { scope: 'orders:read' }, grace))['access_token']);
      expect(withoutOpenId.status).toBe(403);
      expect(withoutOpenId.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope", scope="openid"');
      expect(((await withoutOpenId.json()) as Record<string, unknown>)['error']).toBe('insufficient_scope');
    });

    it('refuses the token of a disabled user, and serves GET and POST only', async () => {
      await createUser(t.dataSource, { username: 'leaver', password: 'leaver-password', organizations: [{ id: 1 }], roles: [] });
      const { access_token: accessToken } = await signIn(app, { scope: 'openid' }, await t.signedIn('leaver', 'leaver-password'));
      expect((await userinfo(accessToken)).status).toBe(200);
      await t.dataSource.query('UPDATE users SET enabled = 0 WHERE username = ?', ['leaver']);
      expect((await userinfo(accessToken)).status).toBe(401);

      const put = await userinfo(accessToken, 'PUT');
      expect(put.status).toBe(405);
      expect(put.headers.get('allow')).toBe('GET, POST');
    });
  });

  describe('prompt, max_age and login_hint (Core 3.1.2.1)', () => {
    const HOUR = 3600;
    let person: { username: string; password: string; browser: HttpClient };
    const request = (extra: Record<string, string>) => authorizePath({ response_type: 'code', client_id: app.clientId, redirect_uri: CALLBACK, scope: 'openid', ...extra });
    /** The person's console session, as if signed in that many seconds ago. */
    const signedInAgo = (ageSeconds: number) =>
      t.dataSource.query('UPDATE admin_sessions SET createdAt = ? WHERE userId = (SELECT id FROM users WHERE username = ?)', [
        sqlDatetime(new Date(Date.now() - ageSeconds * 1000)),
        person.username,
      ]);
    const authTimeOf = async (code: string) => decodeJwt((await exchange(app, code)).body['id_token'] as string).claims['auth_time'] as number;

    beforeAll(async () => {
      await createUser(t.dataSource, { username: 'prompted', password: 'prompted-password', organizations: [{ id: 1 }], roles: [] });
      person = { username: 'prompted', password: 'prompted-password', browser: await t.signedIn('prompted', 'prompted-password') };
      // Consent given once, so what follows is about signing in.
      await codeFor(app, { scope: 'openid' }, person.browser);
    });

    it('prompt=login signs the user in again, then comes back without it; auth_time is the new sign-in', async () => {
      await signedInAgo(HOUR);
      const toSignIn = locationOf(await person.browser.get(request({ prompt: 'login', state: 's1' })));
      expect(toSignIn.pathname).toBe('/oauth2-token/sign-in');
      const from = seconds(Date.now());
      const back = await signInOnPage(person.browser, toSignIn, person.username, person.password);
      expect(back).toBe(request({ state: 's1' }));
      const location = locationOf(await person.browser.get(back));
      expect(location.searchParams.get('state')).toBe('s1');
      expect(await authTimeOf(codeOf(location))).toBeGreaterThanOrEqual(from);
    });

    it('prompt="login consent" signs in again and then asks for consent, though it was given', async () => {
      const toSignIn = locationOf(await person.browser.get(request({ prompt: 'login consent' })));
      const back = await signInOnPage(person.browser, toSignIn, person.username, person.password);
      expect(back).toBe(request({ prompt: 'consent' }));
      expect((await person.browser.get<string>(back)).body).toContain('Authorize Relying party');
    });

    it('prompt=consent asks even for a first-party application, which otherwise never asks', async () => {
      const own = await createClient(admin, { name: 'Own RP', grants: ['authorization_code'], redirectUris: [CALLBACK], firstParty: true });
      const ownRequest = (extra: Record<string, string>) => authorizePath({ response_type: 'code', client_id: own.clientId, redirect_uri: CALLBACK, scope: 'openid', ...extra });
      expect(locationOf(await person.browser.get(ownRequest({}))).searchParams.get('code')).toBeTruthy();
      expect((await person.browser.get<string>(ownRequest({ prompt: 'consent' }))).body).toContain('Authorize Own RP');
    });

    it('max_age: an older sign-in is done again (and comes back without max_age), a recent enough one is used', async () => {
      await signedInAgo(2 * HOUR);
      const kept = locationOf(await person.browser.get(request({ max_age: String(3 * HOUR) })));
      const old = await authTimeOf(codeOf(kept));
      expect(Math.abs(old - (seconds(Date.now()) - 2 * HOUR))).toBeLessThan(5);

      const toSignIn = locationOf(await person.browser.get(request({ max_age: String(HOUR), state: 's2' })));
      expect(toSignIn.pathname).toBe('/oauth2-token/sign-in');
      const from = seconds(Date.now());
      const back = await signInOnPage(person.browser, toSignIn, person.username, person.password);
      expect(back).toBe(request({ state: 's2' }));
      expect(await authTimeOf(codeOf(locationOf(await person.browser.get(back))))).toBeGreaterThanOrEqual(from);
    });

    it('max_age=0 is prompt=login, and with prompt=none a too old sign-in is login_required', async () => {
      expect(locationOf(await person.browser.get(request({ max_age: '0' }))).pathname).toBe('/oauth2-token/sign-in');
      await signedInAgo(2 * HOUR);
      const silent = locationOf(await person.browser.get(request({ prompt: 'none', max_age: String(HOUR), state: 's3' })));
      expect(Object.fromEntries(silent.searchParams)).toMatchObject({ error: 'login_required', state: 's3' });
    });

    it('refuses prompt values it does not offer, none with another value, and a max_age that is no number of seconds', async () => {
      const errorOf = async (extra: Record<string, string>) => locationOf(await person.browser.get(request(extra))).searchParams.get('error');
      expect(await errorOf({ prompt: 'select_account' })).toBe('invalid_request');
      expect(await errorOf({ prompt: 'none login' })).toBe('invalid_request');
      expect(await errorOf({ max_age: 'soon' })).toBe('invalid_request');
      expect(await errorOf({ max_age: '-1' })).toBe('invalid_request');
    });

    it('refuses request objects and registration, which it does not support, rather than ignore them (Core 6.1, 6.2, 7.2.1)', async () => {
      const errorOf = async (extra: Record<string, string>) => locationOf(await person.browser.get(request(extra))).searchParams.get('error');
      expect(await errorOf({ request: 'eyJhbGciOiJub25lIn0.e30.' })).toBe('request_not_supported');
      expect(await errorOf({ request_uri: 'https://app.example.com/request.jwt' })).toBe('request_uri_not_supported');
      expect(await errorOf({ registration: '{}' })).toBe('registration_not_supported');
    });

    it('login_hint fills in the sign-in form', async () => {
      const browser = t.client();
      const toSignIn = locationOf(await browser.get(request({ login_hint: 'prompted@example.com' })));
      expect(toSignIn.searchParams.get('login_hint')).toBe('prompted@example.com');
      const page = await browser.get<string>(`${toSignIn.pathname}${toSignIn.search}`);
      expect(page.body).toMatch(/<input id="username" name="username"[^>]* value="prompted@example.com"/);
    });
  });

  describe('the OpenID scopes', () => {
    it('any application with the authorization code grant may request them without listing them, and they grant no API permission', async () => {
      const scoped = await signIn(app, { scope: 'openid profile email' });
      expect(scoped['scope']).toBe('openid profile email');
      // The application's scopes limit its tokens; OpenID's are none of them.
      expect((await t.client().get('/admin/api/oauth-applications', { authorization: `Bearer ${String(scoped['access_token'])}` })).status).toBe(403);
    });

    it('neither limit a token of an application without scopes, which acts with its user\'s permissions', async () => {
      const unscoped = await createClient(admin, { name: 'Unscoped RP', grants: ['authorization_code'], redirectUris: [CALLBACK] });
      const answer = await signIn(unscoped, { scope: 'openid email' });
      expect(answer).toHaveProperty('id_token');
      expect((await t.client().get('/admin/api/oauth-applications', { authorization: `Bearer ${String(answer['access_token'])}` })).status).toBe(200);
    });

    it('are not for applications without the authorization code grant', async () => {
      const organization = await createOrganization(t.dataSource, 'Machines');
      const bot = await createUser(t.dataSource, { username: 'oidc-bot', organizations: [organization] });
      const machine = await createClient(admin, { name: 'OIDC machine', organizationId: organization.id, grants: ['client_credentials'], userId: bot.id });
      const answer = await token(t.baseUrl, { grant_type: 'client_credentials', scope: 'openid' }, { client: machine });
      expect(answer.status).toBe(400);
      expect(answer.body['error']).toBe('invalid_scope');
    });
  });
});
