import type { AuditEventDto, CustomerUserDto, UserDto } from '@keyhouse/shared-contracts';
import { createCustomerUser, createOrganization, createRole, createUser } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { TEST_DIALECT } from './support/databases';
import { createClient, token, type Client } from './support/oauth';
import { startTestApp, type TestApp } from './support/test-app';

const USERS = '/admin/api/users';
const CUSTOMERS = '/admin/api/customer-users';

describe(`editing and disabling users and customer users on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  let admin: HttpClient;

  beforeAll(async () => {
    t = await startTestApp({ SIGN_IN_MAX_FAILURES_PER_IP: '1000' });
    admin = await t.signedIn();
  });
  afterAll(() => t.close());

  const put = <T>(as: HttpClient, path: string, body: unknown) => as.request<T>('PUT', path, body, {});
  const auditOf = async (action: string, targetId: number) =>
    (await admin.get<AuditEventDto[]>(`/admin/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ action }))}`)).body.filter(
      (event) => event.target.id === String(targetId),
    );

  describe('back-office users', () => {
    it('changes names and email from the whole record the console sends back, and audits what changed', async () => {
      const user = await createUser(t.dataSource, { username: 'nina', firstName: 'Nina', lastName: 'Sharp', organizations: [{ id: 1 }] });
      const { body: record } = await admin.get<UserDto>(`${USERS}/${user.id}`);

      const answer = await put<UserDto>(admin, `${USERS}/${user.id}`, { ...record, lastName: 'Sharp-Lee', email: 'Nina.Lee@Example.com' });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ ...record, lastName: 'Sharp-Lee', email: 'nina.lee@example.com' });
      const [event] = await auditOf('user.updated', user.id);
      expect(event).toMatchObject({
        before: { lastName: 'Sharp', email: 'nina@example.com' },
        after: { lastName: 'Sharp-Lee', email: 'nina.lee@example.com' },
      });

      // Sent back unchanged: nothing to save, nothing audited.
      expect((await put(admin, `${USERS}/${user.id}`, answer.body)).status).toBe(200);
      expect(await auditOf('user.updated', user.id)).toHaveLength(1);
    });

    it('a disabled user is signed out everywhere: session, access tokens, refresh tokens, and the applications acting as them', async () => {
      const user = await createUser(t.dataSource, { username: 'leaver', password: 'leaver-password', organizations: [{ id: 1 }] });
      const session = await t.signedIn('leaver', 'leaver-password');
      const machine = await createClient(admin, { name: 'Acts as the leaver', grants: ['client_credentials'], userId: user.id });
      const passwordApp = await createClient(admin, { name: 'Leaver password app', grants: ['password'] });
      const granted = await token(t.baseUrl, { grant_type: 'password', username: 'leaver', password: 'leaver-password' }, { client: passwordApp });
      const bearer = { authorization: `Bearer ${String(granted.body['access_token'])}` };
      expect((await t.client().get('/admin/api/me', bearer)).status).toBe(200);

      expect((await put<UserDto>(admin, `${USERS}/${user.id}`, { enabled: false })).body.enabled).toBe(false);

      expect((await session.get('/admin/api/me')).status).toBe(401);
      expect((await t.client().get('/admin/api/me', bearer)).status).toBe(401);
      // Resource servers check access tokens offline: what stops them is that no new one is issued.
      const refreshed = await token(t.baseUrl, { grant_type: 'refresh_token', refresh_token: String(granted.body['refresh_token']) }, { client: passwordApp });
      expect(refreshed.body['error']).toBe('invalid_grant');
      expect((await t.client().post('/admin/api/session', { username: 'leaver', password: 'leaver-password' })).status).toBe(401);
      const refused = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client: machine });
      expect(refused.status).toBe(400);
      expect(refused.body['error']).toBe('invalid_grant');

      expect((await put<UserDto>(admin, `${USERS}/${user.id}`, { enabled: true })).body.enabled).toBe(true);
      expect((await t.client().post('/admin/api/session', { username: 'leaver', password: 'leaver-password' })).status).toBe(200);
      expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { client: machine })).status).toBe(200);
    });

    it('refuses, each at its field: disabling oneself, an email another user signs in with, and what cannot change here', async () => {
      const { body: me } = await admin.get<UserDto>('/admin/api/me');
      const self = await put(admin, `${USERS}/${me.id}`, { enabled: false });
      expect(self.status).toBe(400);
      expect(self.body).toEqual({ message: 'The user was not saved.', errors: { enabled: 'You cannot disable your own account.' } });

      const other = await createUser(t.dataSource, { username: 'other', organizations: [{ id: 1 }] });
      const { body: record } = await admin.get<UserDto>(`${USERS}/${other.id}`);
      const refused = await put(admin, `${USERS}/${other.id}`, {
        ...record,
        username: 'renamed',
        roles: ['ROLE_USER'],
        organizationIds: [],
        passwordHash: 'x',
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({
        message: 'The user was not saved.',
        errors: {
          username: 'The username cannot be changed.',
          roles: 'Change the memberships to change roles.',
          organizationIds: 'Change the memberships to change organizations.',
          passwordHash: 'Unknown field "passwordHash".',
        },
      });
      // Sign-in takes a username or an email: no two users may share one, whatever its case.
      const taken = await put(admin, `${USERS}/${other.id}`, { email: me.email.toUpperCase() });
      expect(taken.body).toEqual({ message: 'The user was not saved.', errors: { email: 'This email address is already used.' } });
    });

    it('takes users.edit, and reaches only users of the caller’s organizations', async () => {
      await createRole(t.dataSource, 'ROLE_USER_VIEWER', ['users.view']);
      await createUser(t.dataSource, { username: 'viewer', password: 'viewer-password', organizations: [{ id: 1 }], roles: ['ROLE_USER_VIEWER'] });
      const viewer = await t.signedIn('viewer', 'viewer-password');
      const target = await createUser(t.dataSource, { username: 'target', organizations: [{ id: 1 }] });
      expect((await put(viewer, `${USERS}/${target.id}`, { enabled: false })).status).toBe(403);

      const elsewhere = await createOrganization(t.dataSource, 'Elsewhere');
      const stranger = await createUser(t.dataSource, { username: 'stranger', organizations: [elsewhere] });
      await createUser(t.dataSource, { username: 'local.admin', password: 'local-admin-password', organizations: [{ id: 1 }] });
      const localAdmin = await t.signedIn('local.admin', 'local-admin-password');
      expect((await put(localAdmin, `${USERS}/${stranger.id}`, { enabled: false })).status).toBe(404);
      expect((await put(localAdmin, `${USERS}/abc`, { enabled: false })).status).toBe(400);
      // A platform operator reaches every organization's users.
      expect((await put(admin, `${USERS}/${stranger.id}`, { enabled: false })).status).toBe(200);
    });
  });

  describe('customer users', () => {
    const storefrontSignIn = (client: Client) =>
      token(t.baseUrl, { grant_type: 'password', username: 'shopper@example.com', password: 'a-customer-password' }, { client });

    it('edits, disables and enables a customer user, audited, and a disabled one cannot sign in on the storefront', async () => {
      const customer = await createCustomerUser(t.dataSource, { email: 'shopper@example.com', organization: { id: 1 }, firstName: 'Sam' });
      const storefront = await createClient(admin, { name: 'Storefront password app', grants: ['password'], frontend: true });
      expect((await storefrontSignIn(storefront)).status).toBe(200);
      const { body: record } = await admin.get<CustomerUserDto>(`${CUSTOMERS}/${customer.id}`);

      const edited = await put<CustomerUserDto>(admin, `${CUSTOMERS}/${customer.id}`, { ...record, lastName: 'Shopper', locale: 'de', enabled: false });
      expect(edited.status).toBe(200);
      expect(edited.body).toEqual({ ...record, lastName: 'Shopper', locale: 'de', enabled: false });
      expect((await storefrontSignIn(storefront)).body['error']).toBe('invalid_grant');
      const [event] = await auditOf('customer_user.updated', customer.id);
      expect(event).toMatchObject({ before: { lastName: '', locale: 'en', enabled: true }, after: { lastName: 'Shopper', locale: 'de', enabled: false } });

      expect((await put(admin, `${CUSTOMERS}/${customer.id}`, { enabled: true })).status).toBe(200);
      expect((await storefrontSignIn(storefront)).status).toBe(200);
    });

    it('refuses an email another customer user has, another organization, and bad values, at their fields', async () => {
      const first = await createCustomerUser(t.dataSource, { email: 'first@example.com', organization: { id: 1 } });
      await createCustomerUser(t.dataSource, { email: 'second@example.com', organization: { id: 1 } });
      const refused = await put(admin, `${CUSTOMERS}/${first.id}`, { email: 'Second@Example.com', organizationId: 2, locale: 'German', enabled: 'no' });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({
        message: 'The customer user was not saved.',
        errors: {
          organizationId: 'A customer user stays in their organization.',
          locale: 'Use a language code such as en or de.',
          enabled: 'Must be true or false.',
        },
      });
      const taken = await put(admin, `${CUSTOMERS}/${first.id}`, { email: 'Second@Example.com' });
      expect(taken.body).toEqual({ message: 'The customer user was not saved.', errors: { email: 'A customer user with this email already exists.' } });
    });
  });
});
