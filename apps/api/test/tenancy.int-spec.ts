import type { CreatedOAuthApplicationDto, OAuthApplicationDto, OrganizationDto, UserDto } from '@keyhouse/shared-contracts';
import { authorize, authorizePath, CALLBACK, codeOf, locationOf } from './support/authorize';
import { TEST_DIALECT } from './support/databases';
import type { HttpClient } from './support/http-client';
import { token, type Client } from './support/oauth';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The tenancy issue's reproductions, as a new user would try them: the first administrator (a
 * platform operator) creates "Tenant B" and an administrator who belongs only to it, and joins
 * Tenant B themselves. The tenant's administrator must not reach beyond Tenant B.
 * Reproductions 1 to 3 are here; the others have files of their own: 4 notification-tenancy,
 * 5 audit-tenancy, 6 oauth/client-policy, 7 sign-in-throttle, 8 client-address, 9 hostile-names;
 * and every route against another organization's objects is cross-tenant.
 */
describe(`tenancy reproductions on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  let operator: HttpClient;
  let tenantAdmin: HttpClient;
  let tenantB: number;
  let operatorId: number;
  let defaultApp: OAuthApplicationDto;

  const APPS = '/admin/api/oauth-applications';
  const asClient = (created: CreatedOAuthApplicationDto): Client => ({ id: created.id, clientId: created.clientId, clientSecret: created.clientSecret ?? '' });
  const bearer = (accessToken: unknown) => ({ authorization: `Bearer ${String(accessToken)}` });

  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.signedIn();
    operatorId = (await operator.get<UserDto>('/admin/api/me')).body.id;
    tenantB = (await operator.post<OrganizationDto>('/admin/api/organizations', { name: 'Tenant B' })).body.id;
    const created = await operator.post<UserDto>('/admin/api/users', {
      username: 'tenant.admin',
      email: 'tenant.admin@example.com',
      password: 'tenant-admin-password',
      memberships: [{ organizationId: tenantB, roles: ['ROLE_ADMINISTRATOR'] }],
    });
    expect(created.status).toBe(201);
    const joined = await operator.request<UserDto>('PUT', `/admin/api/users/${operatorId}`, {
      memberships: [
        { organizationId: 1, roles: ['ROLE_ADMINISTRATOR'] },
        { organizationId: tenantB, roles: ['ROLE_ADMINISTRATOR'] },
      ],
    }, {});
    expect(joined.body.organizationIds).toEqual([1, tenantB]);
    tenantAdmin = await t.signedIn('tenant.admin', 'tenant-admin-password');
    defaultApp = (await operator.post<OAuthApplicationDto>(APPS, { organizationId: 1, name: 'Default ERP', grants: ['password'] })).body;
  });
  afterAll(() => t.close());

  describe('1. acting as a more powerful user', () => {
    it('refuses an application in Tenant B acting as the first administrator', async () => {
      const answer = await tenantAdmin.post(APPS, { name: 'Act as root', grants: ['client_credentials'], userId: operatorId });
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({ message: expect.stringContaining('acts as a user who may do more than you may') });
      expect((await tenantAdmin.get<OAuthApplicationDto[]>(APPS)).body.map((app) => app.name)).not.toContain('Act as root');
    });

    it('bounds even an operator-made application acting as the first administrator to Tenant B', async () => {
      const app = await operator.post<CreatedOAuthApplicationDto>(APPS, { organizationId: tenantB, name: 'Root in B', grants: ['client_credentials'], userId: operatorId });
      const answer = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client: asClient(app.body) });
      const machine = t.client();
      const headers = bearer(answer.body['access_token']);

      const organizations = await machine.get<OrganizationDto[]>('/admin/api/organizations', headers);
      expect(organizations.body.map((organization) => organization.id)).toEqual([tenantB]);
      const applications = await machine.get<OAuthApplicationDto[]>(APPS, headers);
      expect(applications.body.every((application) => application.organizationId === tenantB)).toBe(true);
      expect((await machine.get<UserDto[]>('/admin/api/users', headers)).body.flatMap((user) => user.organizationIds)).not.toContain(1);
      expect((await machine.request('POST', `${APPS}/${defaultApp.id}/secrets`, {}, headers)).status).toBe(404);
      const administrator = await machine.request<{ errors: Record<string, string> }>('POST', '/admin/api/users', {
        username: 'planted.admin',
        email: 'planted.admin@example.com',
        password: 'planted-admin-password',
        organizationIds: [1],
        roles: ['ROLE_ADMINISTRATOR'],
      }, headers);
      expect(administrator.status).toBe(400);
      expect(administrator.body.errors).toMatchObject({ organizationIds: 'Choose one or more of your organizations.' });
      // Nor is a token the platform's operator: organizations are the platform's.
      expect((await machine.request('POST', '/admin/api/organizations', { name: 'By a machine' }, headers)).status).toBe(403);
    });
  });

  describe('2. codes without consent, tokens without bounds', () => {
    let firstParty: CreatedOAuthApplicationDto;
    let outsider: HttpClient;

    beforeAll(async () => {
      firstParty = (await operator.post<CreatedOAuthApplicationDto>(APPS, {
        organizationId: tenantB,
        name: 'B Console Helper',
        grants: ['authorization_code'],
        redirectUris: [CALLBACK],
        firstParty: true,
        scopes: ['applications:read', 'reports:read'],
      })).body;
      await operator.post('/admin/api/users', {
        username: 'outsider',
        email: 'outsider@example.com',
        password: 'outsider-password',
        memberships: [{ organizationId: 1, roles: ['ROLE_ADMINISTRATOR'] }],
      });
      outsider = await t.signedIn('outsider', 'outsider-password');
    });

    it('lets only a platform operator mark an application first-party', async () => {
      const answer = await tenantAdmin.post<{ errors: Record<string, string> }>(APPS, {
        name: 'Trusted by me',
        grants: ['authorization_code'],
        redirectUris: [CALLBACK],
        firstParty: true,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual({ firstParty: expect.stringContaining('Only a platform operator') });
      const own = (await tenantAdmin.post<OAuthApplicationDto>(APPS, { name: 'Mine', grants: ['authorization_code'], redirectUris: [CALLBACK] })).body;
      const edit = await tenantAdmin.request<{ errors: Record<string, string> }>('PUT', `${APPS}/${own.id}`, { firstParty: true }, {});
      expect(edit.body.errors).toEqual({ firstParty: expect.stringContaining('Only a platform operator') });
    });

    it('asks a user of another organization for consent, and prompt=none answers consent_required', async () => {
      const parameters = { response_type: 'code', client_id: firstParty.clientId, state: 's1' };
      const page = await outsider.get<string>(authorizePath(parameters));
      expect(page.status).toBe(200);
      expect(page.body).toContain('B Console Helper');
      const silent = locationOf(await outsider.get(authorizePath({ ...parameters, prompt: 'none' })));
      expect(`${silent.origin}${silent.pathname}`).toBe(CALLBACK);
      expect(silent.searchParams.get('error')).toBe('consent_required');
      expect(silent.searchParams.get('code')).toBeNull();
    });

    it('skips consent only for a user of its own organization, and the token stays there, within its scopes', async () => {
      const location = locationOf(await tenantAdmin.get(authorizePath({ response_type: 'code', client_id: firstParty.clientId, scope: 'applications:read' })));
      const answer = await token(t.baseUrl, { grant_type: 'authorization_code', code: codeOf(location) }, { client: asClient(firstParty) });
      expect(answer.body['organization_id']).toBe(tenantB);
      const headers = bearer(answer.body['access_token']);
      const machine = t.client();
      expect((await machine.get(APPS, headers)).status).toBe(200);
      // applications:read reads; it does not write, and it does not read users.
      expect((await machine.request('POST', APPS, { name: 'By a reader', grants: ['password'] }, headers)).status).toBe(403);
      expect((await machine.get('/admin/api/users', headers)).status).toBe(403);
    });

    it('gives a consenting user\'s token only the organization it was installed in', async () => {
      // The first administrator belongs to both organizations; consenting installs into one.
      const location = await authorize(operator, { response_type: 'code', client_id: firstParty.clientId, scope: 'applications:read' }, { extra: { organization_id: String(tenantB) } });
      const answer = await token(t.baseUrl, { grant_type: 'authorization_code', code: codeOf(location) }, { client: asClient(firstParty) });
      const applications = await t.client().get<OAuthApplicationDto[]>(APPS, bearer(answer.body['access_token']));
      expect(applications.status).toBe(200);
      expect(applications.body.map((application) => application.name)).not.toContain('Default ERP');
      expect((await t.client().get(`${APPS}/${defaultApp.id}`, bearer(answer.body['access_token']))).status).toBe(404);
    });
  });

  describe("tokens of a tenant administrator's applications", () => {
    it('a password grant signs a member of several organizations in, for Tenant B only, within the scopes', async () => {
      const app = await tenantAdmin.post<CreatedOAuthApplicationDto>(APPS, { name: 'B Mobile', grants: ['password'], scopes: ['applications:read', 'users:read'] });
      const granted = await token(t.baseUrl, { grant_type: 'password', username: 'admin', password: 'integration-admin-password', scope: 'applications:read' }, { client: asClient(app.body) });
      expect(granted.status).toBe(200);
      const machine = t.client();
      const headers = bearer(granted.body['access_token']);
      const applications = await machine.get<OAuthApplicationDto[]>(APPS, headers);
      expect(applications.body.length).toBeGreaterThan(0);
      expect(applications.body.every((application) => application.organizationId === tenantB)).toBe(true);
      expect((await machine.get(`${APPS}/${defaultApp.id}`, headers)).status).toBe(404);
      expect((await machine.get('/admin/api/users', headers)).status).toBe(403);
      expect((await machine.request('PUT', `${APPS}/${app.body.id}`, { name: 'Renamed by a reader' }, headers)).status).toBe(403);
      const me = await machine.get<{ platformOperator: boolean; organizationIds: number[]; application: { clientId: string } }>('/admin/api/me', headers);
      expect(me.body).toMatchObject({ platformOperator: false, organizationIds: [tenantB], application: { clientId: app.body.clientId } });
    });
  });

  describe('3. editing a more powerful user', () => {
    it('refuses to disable the first administrator or change their email', async () => {
      for (const change of [{ enabled: false }, { email: 'tenant.owns.this@example.com' }]) {
        const answer = await tenantAdmin.request('PUT', `/admin/api/users/${operatorId}`, change, {});
        expect(answer.status).toBe(403);
      }
      const me = await operator.get<UserDto>('/admin/api/me');
      expect(me.body).toMatchObject({ enabled: true, email: 'admin@example.com' });
      expect((await t.client().signIn('admin', 'integration-admin-password')).status).toBe(200);
    });

    it('refuses to give anyone a membership outside Tenant B, or platform operator status', async () => {
      const colleague = await tenantAdmin.post<UserDto>('/admin/api/users', {
        username: 'colleague',
        email: 'colleague@example.com',
        password: 'colleague-password',
        memberships: [{ organizationId: tenantB, roles: ['ROLE_VIEWER'] }],
      });
      expect(colleague.status).toBe(201);
      const elsewhere = await tenantAdmin.request<{ errors: Record<string, string> }>('PUT', `/admin/api/users/${colleague.body.id}`, {
        memberships: [{ organizationId: tenantB, roles: ['ROLE_VIEWER'] }, { organizationId: 1, roles: ['ROLE_ADMINISTRATOR'] }],
      }, {});
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.errors['memberships']).toBeDefined();
      const promoted = await tenantAdmin.request<{ errors: Record<string, string> }>('PUT', `/admin/api/users/${colleague.body.id}`, { platformOperator: true }, {});
      expect(promoted.body.errors).toEqual({ platformOperator: 'Only a platform operator can change who is a platform operator.' });
      expect((await operator.get<UserDto>(`/admin/api/users/${colleague.body.id}`)).body).toMatchObject({ platformOperator: false, organizationIds: [tenantB] });
    });
  });
});
