import { Installation } from '@keyhouse/api-oauth';
import { authorize, authorizePath, CALLBACK, codeOf, hiddenFields, locationOf, pkcePair, postForm } from '../support/authorize';
import { createCustomerUser, createOrganization, createUser } from '../support/fixtures';
import type { HttpClient } from '../support/http-client';
import { createClient, type Client } from '../support/oauth';
import { startTestApp, type TestApp } from '../support/test-app';

const without = (parameters: Record<string, string>, name: string) => Object.fromEntries(Object.entries(parameters).filter(([key]) => key !== name));

describe('authorization endpoint (RFC 6749 4.1.1-4.1.2, RFC 7636)', () => {
  let t: TestApp;
  let admin: HttpClient;
  let app: Client;
  let twoCallbacks: Client;
  let publicApp: Client;

  beforeAll(async () => {
    t = await startTestApp({ SIGN_IN_MAX_FAILURES_PER_IP: '1000' });
    admin = await t.signedIn();
    const codes = { grants: ['authorization_code'], scopes: ['orders:read', 'orders:write'] };
    app = await createClient(admin, { name: 'Cinode App', ...codes, redirectUris: [CALLBACK] });
    twoCallbacks = await createClient(admin, { name: 'Two callbacks', ...codes, redirectUris: [CALLBACK, 'https://app.example.com/other'] });
    publicApp = await createClient(admin, { name: 'SPA', ...codes, confidential: false, redirectUris: [CALLBACK] });
  });
  afterAll(() => t.close());

  const request = (client: Client, extra: Record<string, string> = {}) => ({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: CALLBACK,
    state: 'xyz',
    ...extra,
  });

  describe('errors that are shown, never redirected (4.1.2.1)', () => {
    it('an unknown client gets an error page', async () => {
      const answer = await admin.get<string>(authorizePath(request({ ...app, clientId: 'nope' })));
      expect(answer.status).toBe(400);
      expect(answer.headers.get('location')).toBeNull();
      expect(answer.headers.get('content-type')).toContain('text/html');
      expect(answer.body).toContain('No application with this client_id exists.');
    });

    it.each([
      ['a trailing slash', `${CALLBACK}/`],
      ['another case in the host', 'https://APP.example.com/callback'],
      ['a dot segment', 'https://app.example.com/callback/../evil'],
      ['an encoded slash', 'https://app.example.com/callback%2F..%2Fevil'],
      ['an added query', `${CALLBACK}?next=https://evil.example`],
      ['a fragment', `${CALLBACK}#x`],
      ['a longer host', 'https://app.example.com.evil.example/callback'],
      ['user info', 'https://app.example.com@evil.example/callback'],
      ['another port', 'https://app.example.com:8443/callback'],
      ['http instead of https', 'http://app.example.com/callback'],
    ])('a redirect URI with %s is refused by exact match', async (_, redirectUri) => {
      const answer = await admin.get<string>(authorizePath(request(app, { redirect_uri: redirectUri })));
      expect(answer.status).toBe(400);
      expect(answer.headers.get('location')).toBeNull();
      expect(answer.body).toContain('The redirect URI is not registered for Cinode App.');
    });

    it('the redirect URI may be left out only when exactly one is registered', async () => {
      const withoutRedirect = without(request(app), 'redirect_uri');
      expect(locationOf(await admin.get(authorizePath({ ...withoutRedirect, prompt: 'none' }))).origin).toBe('https://app.example.com');
      const answer = await admin.get<string>(authorizePath({ ...withoutRedirect, client_id: twoCallbacks.clientId }));
      expect(answer.status).toBe(400);
      expect(answer.body).toContain('the request must say which one (redirect_uri)');
    });

    it('a repeated client_id or redirect_uri is refused on the page', async () => {
      const repeated = `/oauth2-token/authorize?response_type=code&client_id=${app.clientId}&redirect_uri=${encodeURIComponent(CALLBACK)}&redirect_uri=${encodeURIComponent('https://evil.example/')}`;
      const answer = await admin.get<string>(repeated);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('location')).toBeNull();
    });

    it('a deactivated application gets an error page', async () => {
      const inactive = await createClient(admin, { name: 'Sleeping', grants: ['authorization_code'], redirectUris: [CALLBACK] });
      await admin.post(`/admin/api/oauth-applications/${inactive.id}/deactivate`);
      const answer = await admin.get<string>(authorizePath(request(inactive)));
      expect(answer.status).toBe(400);
      expect(answer.body).toContain('is deactivated');
    });
  });

  describe('errors sent back to the client, with the state and issuer', () => {
    const errorOf = async (parameters: Record<string, string>) => {
      const location = locationOf(await admin.get(authorizePath(parameters)));
      expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
      expect(location.searchParams.get('state')).toBe('xyz');
      expect(location.searchParams.get('iss')).toBe(t.config.server.issuer);
      expect(location.searchParams.get('code')).toBeNull();
      return { error: location.searchParams.get('error'), description: location.searchParams.get('error_description') };
    };

    it('unsupported_response_type for anything but code, invalid_request without one', async () => {
      expect((await errorOf(request(app, { response_type: 'token' }))).error).toBe('unsupported_response_type');
      expect((await errorOf(without(request(app), 'response_type'))).error).toBe('invalid_request');
    });

    it('invalid_scope for a scope the application was not given', async () => {
      expect(await errorOf(request(app, { scope: 'orders:read admin' }))).toEqual({ error: 'invalid_scope', description: 'Not allowed for this application: admin.' });
    });

    it('invalid_request for a repeated parameter', async () => {
      const location = locationOf(await admin.get(`${authorizePath(request(app))}&scope=a&scope=b`));
      expect(location.searchParams.get('error')).toBe('invalid_request');
    });

    it('a public client must send a code_challenge', async () => {
      expect(await errorOf(request(publicApp))).toEqual({
        error: 'invalid_request',
        description: 'This application is a public client: send a code_challenge (PKCE, S256).',
      });
    });

    it('plain PKCE is refused unless the application allows it, and an absent method means plain (RFC 7636 4.3)', async () => {
      const { verifier } = pkcePair();
      const refused = { error: 'invalid_request', description: 'This application requires code_challenge_method=S256.' };
      expect(await errorOf(request(publicApp, { code_challenge: verifier, code_challenge_method: 'plain' }))).toEqual(refused);
      expect(await errorOf(request(publicApp, { code_challenge: verifier }))).toEqual(refused);
      expect((await errorOf(request(publicApp, { code_challenge: verifier, code_challenge_method: 'S512' }))).error).toBe('invalid_request');
    });

    it('a malformed code_challenge is refused', async () => {
      expect((await errorOf(request(publicApp, { code_challenge: 'short', code_challenge_method: 'S256' }))).description).toContain('43 to 128 characters');
    });

    it('Deny answers access_denied', async () => {
      const location = await authorize(admin, request(app, { scope: 'orders:read' }), { decision: 'deny' });
      expect(location.searchParams.get('error')).toBe('access_denied');
      expect(location.searchParams.get('state')).toBe('xyz');
    });
  });

  describe('the consent page', () => {
    it('names the application, its publisher, the scopes, and cannot be framed', async () => {
      const page = await admin.get<string>(authorizePath(request(app, { scope: 'orders:read orders:write', prompt: 'consent' })));
      expect(page.status).toBe(200);
      expect(page.body).toContain('<h1>Authorize Cinode App</h1>');
      expect(page.body).toContain('by Default');
      expect(page.body).toContain('<li>orders:read</li><li>orders:write</li>');
      expect(page.body).toContain('<button class="primary" type="submit" name="decision" value="allow" autofocus>Allow</button>');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    });

    it('escapes what the application chose (its name, the state)', async () => {
      const sneaky = await createClient(admin, { name: '<img src=x onerror=alert(1)>', grants: ['authorization_code'], redirectUris: [CALLBACK] });
      const page = await admin.get<string>(authorizePath(request(sneaky, { state: '"><script>alert(1)</script>' })));
      expect(page.body).not.toContain('<img src=x');
      expect(page.body).not.toContain('<script>');
      expect(page.body).toContain('&#60;img src=x onerror=alert(1)&#62;');
    });

    it('refuses a decision without the session\'s CSRF token', async () => {
      const page = await admin.get<string>(authorizePath(request(app, { prompt: 'consent' })));
      const fields = { ...hiddenFields(page.body), decision: 'allow', csrf_token: 'forged' };
      const answer = await postForm(admin, '/oauth2-token/authorize', fields);
      expect(answer.status).toBe(403);
      expect(answer.headers.get('location')).toBeNull();
    });

    it('Allow answers 303 with a code, the state and the issuer (RFC 9207), and records the installation', async () => {
      const location = await authorize(admin, request(app, { scope: 'orders:read', prompt: 'consent' }));
      expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
      expect(codeOf(location)).toMatch(/^[\w-]{43}$/);
      expect(location.searchParams.get('state')).toBe('xyz');
      expect(location.searchParams.get('iss')).toBe(t.config.server.issuer);
      expect(await t.dataSource.getRepository(Installation).countBy({ applicationId: app.id, subjectType: 'user' })).toBe(1);
    });

    it('takes Allow sent several times at once (a double click): a code each, one installation', async () => {
      const fresh = await createClient(admin, { name: 'Double click', grants: ['authorization_code'], scopes: ['orders:read'], redirectUris: [CALLBACK] });
      const page = await admin.get<string>(authorizePath(request(fresh, { scope: 'orders:read' })));
      const fields = { ...hiddenFields(page.body), decision: 'allow' };
      const answers = await Promise.all(Array.from({ length: 8 }, () => postForm(admin, '/oauth2-token/authorize', fields)));
      expect(answers.map((answer) => codeOf(locationOf(answer)))).toHaveLength(8);
      expect(await t.dataSource.getRepository(Installation).countBy({ applicationId: fresh.id })).toBe(1);
    });

    it('is skipped when the same scopes were granted before, and shown again for new ones', async () => {
      await authorize(admin, request(app, { scope: 'orders:read', prompt: 'consent' }));
      const again = await admin.get(authorizePath(request(app, { scope: 'orders:read' })));
      expect(codeOf(locationOf(again))).toBeTruthy();
      const wider = await admin.get<string>(authorizePath(request(app, { scope: 'orders:read orders:write' })));
      expect(wider.status).toBe(200);
      expect(wider.body).toContain('Authorize Cinode App');
    });

    it('prompt=none answers consent_required instead of asking', async () => {
      const fresh = await createClient(admin, { name: 'Never seen', grants: ['authorization_code'], redirectUris: [CALLBACK] });
      const location = locationOf(await admin.get(authorizePath(request(fresh, { prompt: 'none' }))));
      expect(location.searchParams.get('error')).toBe('consent_required');
    });

    it('is never shown for a first-party application', async () => {
      const trusted = await createClient(admin, { name: 'Own app', grants: ['authorization_code'], redirectUris: [CALLBACK], firstParty: true });
      expect(codeOf(locationOf(await admin.get(authorizePath(request(trusted)))))).toBeTruthy();
    });

    it('lets a member of several organizations choose one, and only one of theirs', async () => {
      const second = await createOrganization(t.dataSource, 'Second Org');
      await createUser(t.dataSource, { username: 'multi', password: 'multi-password', organizations: [{ id: 1 }, second], roles: [] });
      const multi = await t.signedIn('multi', 'multi-password');
      const page = await multi.get<string>(authorizePath(request(app)));
      expect(page.body).toContain('<select id="organization" name="organization_id"><option value="1">Default Organization</option>');
      const fields = { ...hiddenFields(page.body), decision: 'allow' };
      const outsider = await createOrganization(t.dataSource, 'Not mine');
      expect((await postForm(multi, '/oauth2-token/authorize', { ...fields, organization_id: String(outsider.id) })).status).toBe(403);
      expect(codeOf(locationOf(await postForm(multi, '/oauth2-token/authorize', { ...fields, organization_id: String(second.id) })))).toBeTruthy();
      const installation = await t.dataSource.getRepository(Installation).findOneByOrFail({ applicationId: app.id, subjectType: 'user', organizationId: second.id });
      expect(installation.scope).toBe('orders:read orders:write');
    });
  });

  describe('signing in first', () => {
    it('sends a visitor without a session to the sign-in page and back, with the console\'s session', async () => {
      await createUser(t.dataSource, { username: 'walker', password: 'walker-password', organizations: [{ id: 1 }], roles: [] });
      const browser = t.client();
      const path = authorizePath(request(app));
      const toSignIn = locationOf(await browser.get(path));
      expect(toSignIn.pathname).toBe('/oauth2-token/sign-in');
      expect(toSignIn.searchParams.get('return_to')).toBe(path);

      const signInPage = await browser.get<string>(`${toSignIn.pathname}${toSignIn.search}`);
      expect(signInPage.body).toContain('<label for="username">Username or email</label>');
      const fields = hiddenFields(signInPage.body);
      const wrong = await postForm(browser, '/oauth2-token/sign-in', { ...fields, username: 'walker', password: 'nope' });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toContain('Invalid username or password.');

      const back = await postForm(browser, '/oauth2-token/sign-in', { ...hiddenFields(wrong.body), username: 'walker', password: 'walker-password' });
      expect(`${locationOf(back).pathname}${locationOf(back).search}`).toBe(path);
      expect((await browser.get<string>(path)).body).toContain('Authorize Cinode App');
      expect((await browser.get('/admin/api/session')).status).toBe(200);
    });

    it('lets the person on the consent page switch accounts, only with the session\'s CSRF token', async () => {
      await createUser(t.dataSource, { username: 'switcher', password: 'switcher-password', organizations: [{ id: 1 }], roles: [] });
      const browser = await t.signedIn('switcher', 'switcher-password');
      const consent = await browser.get<string>(authorizePath(request(app, { prompt: 'consent' })));
      expect(consent.body).toContain('Not you? Use another account');
      const fields = hiddenFields(consent.body);
      const switchFields = { csrf_token: fields['csrf_token'], return_to: fields['return_to'], audience: fields['audience'] };
      expect(switchFields.return_to).toMatch(/^\/oauth2-token\/authorize\?response_type=code&client_id=/);

      const forged = await postForm(browser, '/oauth2-token/sign-out', { ...switchFields, csrf_token: 'forged' });
      expect(locationOf(forged).pathname).toBe('/oauth2-token/sign-in');
      expect((await browser.get('/admin/api/session')).status).toBe(200);

      const switched = await postForm(browser, '/oauth2-token/sign-out', switchFields);
      expect(locationOf(switched).searchParams.get('return_to')).toBe(switchFields.return_to);
      expect((await browser.get('/admin/api/session')).status).toBe(401);
    });

    it('refuses a sign-in form posted from elsewhere (login CSRF) and never redirects off-site', async () => {
      const browser = t.client();
      const forged = await postForm(browser, '/oauth2-token/sign-in', { return_to: authorizePath(request(app)), csrf_token: 'x', username: 'admin', password: 'x' });
      expect(forged.status).toBe(403);
      const offSite = await browser.get<string>('/oauth2-token/sign-in?return_to=https://evil.example/');
      expect(offSite.status).toBe(400);
    });

    it('signs a customer user in on the storefront page for a storefront application', async () => {
      await createCustomerUser(t.dataSource, { email: 'shopper@example.com', organization: { id: 1 }, firstName: 'Sam' });
      const store = await createClient(admin, { name: 'Store app', grants: ['authorization_code'], frontend: true, redirectUris: [CALLBACK] });
      const browser = t.client();
      const toSignIn = locationOf(await browser.get(authorizePath(request(store))));
      expect(toSignIn.searchParams.get('audience')).toBe('storefront');
      const signInPage = await browser.get<string>(`${toSignIn.pathname}${toSignIn.search}`);
      expect(signInPage.body).toContain('<label for="username">Email</label>');
      const back = await postForm(browser, '/oauth2-token/sign-in', { ...hiddenFields(signInPage.body), username: 'shopper@example.com', password: 'a-customer-password' });
      const consent = await browser.get<string>(`${locationOf(back).pathname}${locationOf(back).search}`);
      expect(consent.body).toContain('Signed in as Sam (shopper@example.com).');
      // The storefront session is not a console session.
      expect((await browser.get('/admin/api/session')).status).toBe(401);
    });
  });

  describe('the app store (GET /oauth/start)', () => {
    it('starts the flow with the registered redirect URI', async () => {
      const slug = (await admin.get<{ slug: string }>(`/admin/api/oauth-applications/${app.id}`)).body.slug;
      const start = locationOf(await admin.get(`/oauth/start?integration_name=${slug}`));
      expect(start.pathname).toBe('/oauth2-token/authorize');
      expect(Object.fromEntries(start.searchParams)).toEqual({ response_type: 'code', client_id: app.clientId, redirect_uri: CALLBACK });
    });

    it('opens the install URL with the organization filled in, after signing in', async () => {
      await createClient(admin, {
        name: 'Gorgias style',
        slug: 'gorgias-style',
        grants: ['authorization_code'],
        redirectUris: [CALLBACK],
        installUrl: 'https://app.example.com/install?account={organization}',
      });
      expect(locationOf(await admin.get('/oauth/start?integration_name=gorgias-style')).toString()).toBe('https://app.example.com/install?account=1');
      expect(locationOf(await t.client().get('/oauth/start?integration_name=gorgias-style')).pathname).toBe('/oauth2-token/sign-in');
    });

    it('shows a page for an unknown application', async () => {
      const answer = await admin.get<string>('/oauth/start?integration_name=no-such-app');
      expect(answer.status).toBe(404);
      expect(answer.body).toContain('No application named &#34;no-such-app&#34; can be installed.');
    });
  });

  it('RFC 8414 metadata lists the authorization endpoint, the code response type and S256', async () => {
    const metadata = (await t.client().get<Record<string, unknown>>('/.well-known/oauth-authorization-server')).body;
    expect(metadata).toMatchObject({
      authorization_endpoint: `${t.config.server.issuer}/oauth2-token/authorize`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: expect.arrayContaining(['authorization_code']),
      authorization_response_iss_parameter_supported: true,
    });
  });
});
