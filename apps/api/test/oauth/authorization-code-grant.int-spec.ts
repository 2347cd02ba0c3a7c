import { sqlDatetime } from '@keyhouse/api-persistence';
import type { InstalledAppDto, OAuthInstallationDto } from '@keyhouse/shared-contracts';
import { authorize, CALLBACK, codeOf, locationOf, pkcePair } from '../support/authorize';
import { createOrganization, createRole, createUser } from '../support/fixtures';
import type { HttpClient } from '../support/http-client';
import { basic, createClient, decodeJwt, post, token, type Client } from '../support/oauth';
import { startTestApp, type TestApp } from '../support/test-app';

describe('authorization_code grant (RFC 6749 4.1.3, RFC 7636 4.5-4.6) and installations', () => {
  let t: TestApp;
  let admin: HttpClient;
  let app: Client;
  let other: Client;
  let publicApp: Client;

  beforeAll(async () => {
    t = await startTestApp({ SIGN_IN_MAX_FAILURES_PER_IP: '1000' });
    admin = await t.signedIn();
    const codes = { grants: ['authorization_code'], scopes: ['orders:read', 'orders:write'], redirectUris: [CALLBACK] };
    app = await createClient(admin, { name: 'Cinode App', ...codes });
    other = await createClient(admin, { name: 'Other App', ...codes });
    publicApp = await createClient(admin, { name: 'SPA', ...codes, confidential: false });
  });
  afterAll(() => t.close());

  const codeFor = async (client: Client, extra: Record<string, string> = {}, browser = admin) =>
    codeOf(await authorize(browser, { response_type: 'code', client_id: client.clientId, redirect_uri: CALLBACK, ...extra }));
  const exchange = (client: Client, code: string, extra: Record<string, string> = {}) =>
    token(t.baseUrl, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, ...extra }, { client });
  const me = (accessToken: unknown) => t.client().get('/admin/api/me', { authorization: `Bearer ${String(accessToken)}` });

  it('4.1.4 Cinode style: Basic auth and a form body give tokens, organization_id, and a refresh after', async () => {
    const code = await codeFor(app, { scope: 'orders:read' });
    const answer = await exchange(app, code);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toEqual({
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      scope: 'orders:read',
      organization_id: 1,
    });
    const { claims } = decodeJwt(answer.body['access_token'] as string);
    expect(claims).toMatchObject({ sub: 'user:1', client_id: app.clientId, scope: 'orders:read', aud: `${t.config.server.issuer}/admin/api` });
    expect((await me(answer.body['access_token'])).status).toBe(200);

    const refreshed = await token(t.baseUrl, { grant_type: 'refresh_token', refresh_token: answer.body['refresh_token'] as string }, { client: app });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ refresh_token: expect.any(String), organization_id: 1, scope: 'orders:read' });
  });

  it('takes the credentials in the body too (client_secret_post)', async () => {
    const code = await codeFor(app);
    const answer = await token(t.baseUrl, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, client_id: app.clientId, client_secret: app.clientSecret });
    expect(answer.status).toBe(200);
  });

  describe('the code', () => {
    it('is single-use: a replay is refused and revokes every token issued from it (4.1.2)', async () => {
      const code = await codeFor(app);
      const first = await exchange(app, code);
      expect(first.status).toBe(200);
      const replay = await exchange(app, code);
      expect(replay.status).toBe(400);
      expect(replay.body).toEqual({ error: 'invalid_grant', error_description: 'The authorization code is invalid, expired or already used.' });
      expect((await me(first.body['access_token'])).status).toBe(401);
      const refresh = await token(t.baseUrl, { grant_type: 'refresh_token', refresh_token: first.body['refresh_token'] as string }, { client: app });
      expect(refresh.body['error']).toBe('invalid_grant');
    });

    it('redeemed concurrently: exactly one request wins', async () => {
      const code = await codeFor(app);
      const answers = await Promise.all(Array.from({ length: 10 }, () => exchange(app, code)));
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, ...Array(9).fill(400)]);
      expect(answers.filter((answer) => answer.status === 400).every((answer) => answer.body['error'] === 'invalid_grant')).toBe(true);
    });

    it('is bound to its client', async () => {
      const code = await codeFor(app);
      expect((await exchange(other, code)).body['error']).toBe('invalid_grant');
      // A stolen code tried by another client does not burn it for its own.
      expect((await exchange(app, code)).status).toBe(200);
    });

    it('is bound to the redirect URI of the request (and requires it when the request sent it)', async () => {
      const code = await codeFor(app);
      const wrong = await exchange(app, code, { redirect_uri: `${CALLBACK}/` });
      expect(wrong.body).toEqual({ error: 'invalid_grant', error_description: 'The redirect_uri does not match the one of the authorization request.' });
      const missing = await token(t.baseUrl, { grant_type: 'authorization_code', code }, { client: app });
      expect(missing.body['error']).toBe('invalid_grant');
      expect((await exchange(app, code)).status).toBe(200);
    });

    it('expires after AUTH_CODE_TTL', async () => {
      const code = await codeFor(app);
      await t.dataSource.query('UPDATE oauth_authorization_codes SET expiresAt = ? WHERE usedAt IS NULL', [sqlDatetime(new Date(Date.now() - 1000))]);
      expect((await exchange(app, code)).body['error']).toBe('invalid_grant');
    });

    it('is refused for a user disabled since consenting', async () => {
      const leaver = await createUser(t.dataSource, { username: 'leaver', password: 'leaver-password', organizations: [{ id: 1 }], roles: [] });
      const code = await codeFor(app, {}, await t.signedIn('leaver', 'leaver-password'));
      await t.dataSource.query('UPDATE users SET enabled = ? WHERE id = ?', [false, leaver.id]);
      expect((await exchange(app, code)).body['error']).toBe('invalid_grant');
    });

    it('needs the grant_type to be allowed for the application', async () => {
      const machine = await createClient(admin, { name: 'Machine', grants: ['client_credentials'], userId: 1 });
      const answer = await token(t.baseUrl, { grant_type: 'authorization_code', code: 'x' }, { client: machine });
      expect(answer.body['error']).toBe('unauthorized_client');
    });
  });

  describe('PKCE (RFC 7636 4.6)', () => {
    it('a public client trades its code with the verifier and its client_id alone', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await codeFor(publicApp, { code_challenge: challenge, code_challenge_method: 'S256' });
      const answer = await token(t.baseUrl, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, client_id: publicApp.clientId, code_verifier: verifier });
      expect(answer.status).toBe(200);
      expect(answer.body['refresh_token']).toEqual(expect.any(String));
    });

    it('a wrong or missing verifier is refused', async () => {
      const { challenge } = pkcePair();
      const code = await codeFor(app, { code_challenge: challenge, code_challenge_method: 'S256' });
      expect(await exchange(app, code, { code_verifier: pkcePair().verifier })).toMatchObject({
        status: 400,
        body: { error: 'invalid_grant', error_description: 'The code_verifier does not match the code_challenge (PKCE).' },
      });
      expect((await exchange(app, code)).body).toEqual({ error: 'invalid_grant', error_description: 'This code was issued with a code_challenge: send its code_verifier.' });
    });

    it('a verifier for a code issued without a challenge is refused (downgrade, RFC 9700 2.1.1)', async () => {
      const code = await codeFor(app);
      expect((await exchange(app, code, { code_verifier: pkcePair().verifier })).body).toEqual({
        error: 'invalid_grant',
        error_description: 'This code was issued without a code_challenge: do not send a code_verifier.',
      });
    });

    it('plain works only for an application that allows it', async () => {
      const lenient = await createClient(admin, { name: 'Lenient', grants: ['authorization_code'], redirectUris: [CALLBACK], allowPlainPkce: true });
      const { verifier } = pkcePair();
      const code = await codeFor(lenient, { code_challenge: verifier, code_challenge_method: 'plain' });
      expect((await exchange(lenient, code, { code_verifier: verifier })).status).toBe(200);
    });

    it('RFC 8414 metadata lists plain exactly while an active application may use it', async () => {
      const methods = async () =>
        (await t.client().get<{ code_challenge_methods_supported: string[] }>('/.well-known/oauth-authorization-server')).body.code_challenge_methods_supported;
      const lenient: { id: number }[] = await t.dataSource.query('SELECT id FROM oauth_applications WHERE allowPlainPkce = 1');
      for (const { id } of lenient) await admin.post(`/admin/api/oauth-applications/${id}/deactivate`);
      expect(await methods()).toEqual(['S256']);

      const app = await createClient(admin, { name: 'Lenient for metadata', grants: ['authorization_code'], redirectUris: [CALLBACK], allowPlainPkce: true });
      expect(await methods()).toEqual(['S256', 'plain']);
      await admin.post(`/admin/api/oauth-applications/${app.id}/deactivate`);
      expect(await methods()).toEqual(['S256']);
    });

    it('a public client may revoke its own tokens but not introspect (RFC 7009 2.1, RFC 7662 2.1)', async () => {
      const { verifier, challenge } = pkcePair();
      const code = await codeFor(publicApp, { code_challenge: challenge, code_challenge_method: 'S256' });
      const tokens = await token(t.baseUrl, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, client_id: publicApp.clientId, code_verifier: verifier });
      const introspection = await post(t.baseUrl, '/oauth2-token/introspect', { token: tokens.body['access_token'] as string, client_id: publicApp.clientId });
      expect(introspection.status).toBe(401);
      expect(introspection.body['error']).toBe('invalid_client');
      const revocation = await post(t.baseUrl, '/oauth2-token/revoke', { token: tokens.body['refresh_token'] as string, client_id: publicApp.clientId });
      expect(revocation.status).toBe(200);
      const refresh = await token(t.baseUrl, { grant_type: 'refresh_token', refresh_token: tokens.body['refresh_token'] as string, client_id: publicApp.clientId });
      expect(refresh.body['error']).toBe('invalid_grant');
    });

    it('a public client without a verifier, or with a secret it does not have, is refused', async () => {
      const { challenge } = pkcePair();
      const code = await codeFor(publicApp, { code_challenge: challenge, code_challenge_method: 'S256' });
      const noVerifier = await token(t.baseUrl, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, client_id: publicApp.clientId });
      expect(noVerifier.body['error']).toBe('invalid_grant');
      const withSecret = await token(t.baseUrl, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK }, { headers: { authorization: basic({ clientId: publicApp.clientId, clientSecret: 'guess' }) } });
      expect(withSecret.body['error']).toBe('invalid_client');
    });
  });

  describe('installations', () => {
    let member: HttpClient;
    let memberId: number;
    beforeAll(async () => {
      await createRole(t.dataSource, 'ROLE_PLAIN', []);
      memberId = (await createUser(t.dataSource, { username: 'member', password: 'member-password', organizations: [{ id: 1 }], roles: ['ROLE_PLAIN'] })).id;
      member = await t.signedIn('member', 'member-password');
    });

    const installationOf = async (browser: HttpClient, client: Client) => {
      const list = await browser.get<OAuthInstallationDto[]>(`/admin/api/oauth-installations?filter=${encodeURIComponent(JSON.stringify({ mine: true, applicationId: client.id }))}`);
      expect(list.status).toBe(200);
      return list.body[0];
    };

    it('uninstalling revokes every access and refresh token of the installation at once', async () => {
      const tokens = [await exchange(app, await codeFor(app, {}, member)), await exchange(app, await codeFor(app, {}, member))];
      const installation = await installationOf(member, app);
      expect(installation).toMatchObject({ application: { name: 'Cinode App' }, organizationName: 'Default Organization', userId: memberId, subject: { email: 'member@example.com' } });

      const uninstall = await member.delete<OAuthInstallationDto>(`/admin/api/oauth-installations/${installation.id}`);
      expect(uninstall.status).toBe(200);
      for (const answer of tokens) {
        expect((await me(answer.body['access_token'])).status).toBe(401);
        const refresh = await token(t.baseUrl, { grant_type: 'refresh_token', refresh_token: answer.body['refresh_token'] as string }, { client: app });
        expect(refresh.body['error']).toBe('invalid_grant');
        const introspection = await post(t.baseUrl, '/oauth2-token/introspect', { token: answer.body['access_token'] as string }, { client: app });
        expect(introspection.body).toEqual({ active: false });
      }
      expect(await installationOf(member, app)).toBeUndefined();
      // Consent is asked again after an uninstall.
      expect((await member.get(`/oauth2-token/authorize?response_type=code&client_id=${app.clientId}`)).status).toBe(200);
    });

    it('lists the organization\'s installations with oauth_installations.view, and only one\'s own without', async () => {
      await codeFor(other, {}, member);
      await codeFor(other);
      const all = await admin.get<OAuthInstallationDto[]>(`/admin/api/oauth-installations?filter=${encodeURIComponent(JSON.stringify({ applicationId: other.id }))}`);
      expect(all.body.map((installation) => installation.subject.email).sort()).toEqual(['admin@example.com', 'member@example.com']);
      expect(all.headers.get('content-range')).toBe('oauth-installations 0-1/2');
      const own = await member.get<OAuthInstallationDto[]>(`/admin/api/oauth-installations?filter=${encodeURIComponent(JSON.stringify({ applicationId: other.id }))}`);
      expect(own.body.map((installation) => installation.subject.email)).toEqual(['member@example.com']);

      const admins = all.body.find((installation) => installation.subject.email === 'admin@example.com');
      expect((await member.delete(`/admin/api/oauth-installations/${admins?.id}`)).status).toBe(404);
    });

    it('needs oauth_installations.manage to uninstall someone else\'s app', async () => {
      const viewer = await createRole(t.dataSource, 'ROLE_INSTALLATIONS_VIEWER', ['oauth_installations.view']);
      await createUser(t.dataSource, { username: 'viewer', password: 'viewer-password', organizations: [{ id: 1 }], roles: [viewer.name] });
      const browser = await t.signedIn('viewer', 'viewer-password');
      await codeFor(app);
      const installation = (await admin.get<OAuthInstallationDto[]>(`/admin/api/oauth-installations?filter=${encodeURIComponent(JSON.stringify({ mine: true, applicationId: app.id }))}`)).body[0];
      expect((await browser.delete(`/admin/api/oauth-installations/${installation.id}`)).status).toBe(403);
      expect((await admin.delete(`/admin/api/oauth-installations/${installation.id}`)).status).toBe(200);
    });

    it('never shows another organization\'s installations', async () => {
      const elsewhere = await createOrganization(t.dataSource, 'Elsewhere');
      await createUser(t.dataSource, { username: 'stranger', password: 'stranger-password', organizations: [elsewhere] });
      const stranger = await t.signedIn('stranger', 'stranger-password');
      await codeFor(app, {}, stranger);
      await createUser(t.dataSource, { username: 'local.admin', password: 'local-admin-password', organizations: [{ id: 1 }] });
      const localAdmin = await t.signedIn('local.admin', 'local-admin-password');
      const filter = encodeURIComponent(JSON.stringify({ organizationId: elsewhere.id }));
      expect((await localAdmin.get<OAuthInstallationDto[]>(`/admin/api/oauth-installations?filter=${filter}`)).body).toEqual([]);
      // A platform operator sees every organization's.
      expect((await admin.get<OAuthInstallationDto[]>(`/admin/api/oauth-installations?filter=${filter}`)).body).toHaveLength(1);
    });
  });

  describe('POST /admin/api/apps/installed (app store install)', () => {
    it('installs for the signed-in user and answers a redirect URL carrying a fresh code', async () => {
      const slug = (await admin.get<{ slug: string }>(`/admin/api/oauth-applications/${app.id}`)).body.slug;
      const answer = await admin.post<InstalledAppDto>('/admin/api/apps/installed', { integrationName: slug, scopes: ['orders:read'] });
      expect(answer.status).toBe(201);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      const location = new URL(answer.body.redirectUrl);
      expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
      const tokens = await token(t.baseUrl, { grant_type: 'authorization_code', code: codeOf(location) }, { client: app });
      expect(tokens.body).toMatchObject({ scope: 'orders:read', organization_id: 1 });
    });

    it('answers 404 for an unknown integration and 400 for bad input or a public client', async () => {
      expect((await admin.post('/admin/api/apps/installed', { integrationName: 'nope' })).status).toBe(404);
      const bad = await admin.post<{ errors: Record<string, string> }>('/admin/api/apps/installed', { integrationName: 42, extra: true });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual({ integrationName: "Give the application's integration name (its slug).", extra: 'Unknown field "extra".' });
      const slug = (await admin.get<{ slug: string }>(`/admin/api/oauth-applications/${publicApp.id}`)).body.slug;
      expect((await admin.post('/admin/api/apps/installed', { integrationName: slug })).status).toBe(400);
      expect((await t.client().post('/admin/api/apps/installed', { integrationName: slug })).status).toBe(401);
    });
  });

  it('a code granted through /oauth/start redirects like any other', async () => {
    const slug = (await admin.get<{ slug: string }>(`/admin/api/oauth-applications/${app.id}`)).body.slug;
    const start = locationOf(await admin.get(`/oauth/start?integration_name=${slug}`));
    const code = codeOf(await authorize(admin, Object.fromEntries(start.searchParams)));
    expect((await exchange(app, code)).status).toBe(200);
  });
});
