import { Organization, Role } from '@keyhouse/api-identity';
import type { CustomerUserDto, OrganizationDto, UserDto } from '@keyhouse/shared-contracts';
import { addMembership, createCustomerUser, createOrganization, createRole, createUser } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

const q = (params: Record<string, unknown>) =>
  '?' + new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, JSON.stringify(v)])).toString();

describe('read-only back-office resources (ra-data-simple-rest)', () => {
  let t: TestApp;
  let admin: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    const defaultOrganization = await t.dataSource.getRepository(Organization).findOneByOrFail({ id: 1 });
    const acme = await createOrganization(t.dataSource, 'Acme Widgets');
    const hidden = await createOrganization(t.dataSource, 'Hidden Co');
    // Here the first administrator is an organization administrator of the default organization
    // and Acme, not a platform operator: what they see is what their memberships allow.
    await t.dataSource.query('UPDATE users SET platformOperator = 0 WHERE id = 1');
    const [administrator] = await t.dataSource.getRepository(Role).findBy({ name: 'ROLE_ADMINISTRATOR' });
    await addMembership(t.dataSource, 1, acme.id, [administrator]);
    for (let i = 1; i <= 12; i++) {
      await createUser(t.dataSource, {
        username: `user${String(i).padStart(2, '0')}`,
        firstName: i % 2 ? 'Odd' : 'Even',
        organizations: [i <= 6 ? acme : defaultOrganization],
        enabled: i !== 3,
      });
    }
    await createUser(t.dataSource, { username: 'stranger', organizations: [hidden] });
    await createUser(t.dataSource, { username: 'viewer', password: 'viewer-password', organizations: [acme], roles: ['ROLE_USER'] });
    await createCustomerUser(t.dataSource, { email: 'buyer@acme.test', organization: acme, firstName: 'Bea' });
    await createCustomerUser(t.dataSource, { email: 'off@acme.test', organization: acme, enabled: false });
    await createCustomerUser(t.dataSource, { email: 'secret@hidden.test', organization: hidden });
    await createUser(t.dataSource, { username: 'root', password: 'root-password', organizations: [], platformOperator: true });
    admin = await t.signedIn();
  });
  afterAll(() => t.close());

  describe('users', () => {
    it('pages with Content-Range (exposed to CORS) and sorts', async () => {
      const answer = await admin.get<UserDto[]>(`/admin/api/users${q({ sort: ['username', 'ASC'], range: [0, 4] })}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-range')).toBe('users 0-4/14');
      expect(answer.headers.get('access-control-expose-headers')).toBe('Content-Range');
      expect(answer.body.map((u) => u.username)).toEqual(['admin', 'user01', 'user02', 'user03', 'user04']);

      const last = await admin.get<UserDto[]>(`/admin/api/users${q({ sort: ['username', 'DESC'], range: [10, 24] })}`);
      expect(last.headers.get('content-range')).toBe('users 10-13/14');
      expect(last.body.at(-1)?.username).toBe('admin');
    });

    it('never shows password digests', async () => {
      const answer = await admin.get(`/admin/api/users${q({ range: [0, 99] })}`);
      expect(JSON.stringify(answer.body)).not.toMatch(/password|scrypt/i);
    });

    it('filters by text, enabled and organization', async () => {
      const odd = await admin.get<UserDto[]>(`/admin/api/users${q({ filter: { q: 'odD' }, range: [0, 99] })}`);
      expect(odd.body).toHaveLength(6);
      const disabled = await admin.get<UserDto[]>(`/admin/api/users${q({ filter: { enabled: false } })}`);
      expect(disabled.body.map((u) => u.username)).toEqual(['user03']);
      const acmeId = (await admin.get<OrganizationDto[]>(`/admin/api/organizations${q({ filter: { q: 'acme' } })}`)).body[0].id;
      const acme = await admin.get<UserDto[]>(`/admin/api/users${q({ filter: { organizationId: acmeId }, range: [0, 99] })}`);
      expect(acme.body.map((u) => u.username)).toEqual(['admin', 'user01', 'user02', 'user03', 'user04', 'user05', 'user06', 'viewer']);
    });

    it('treats % and _ in a search as plain characters', async () => {
      const answer = await admin.get<UserDto[]>(`/admin/api/users${q({ filter: { q: '%' } })}`);
      expect(answer.body).toEqual([]);
      expect(answer.headers.get('content-range')).toBe('users */0');
    });

    it('answers getMany (filter by a list of ids)', async () => {
      const answer = await admin.get<UserDto[]>(`/admin/api/users${q({ filter: { id: [1, 2] } })}`);
      expect(answer.body.map((u) => u.id).sort()).toEqual([1, 2]);
    });

    it('shows one user with organizations and roles', async () => {
      const answer = await admin.get<UserDto>('/admin/api/users/1');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(expect.objectContaining({ username: 'admin', roles: ['ROLE_ADMINISTRATOR'], organizationIds: [1, 2] }));
    });

    it('hides users of other organizations, in lists and by id', async () => {
      const all = await admin.get<UserDto[]>(`/admin/api/users${q({ range: [0, 99] })}`);
      expect(all.body.map((u) => u.username)).not.toContain('stranger');
      const stranger = await t.dataSource.query(`SELECT id FROM users WHERE username = 'stranger'`);
      const answer = await admin.get(`/admin/api/users/${stranger[0].id}`);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ message: `User ${stranger[0].id} not found.` });
    });

    it.each([
      [{ filter: '{bad' }, 'filter', 'filter must be valid JSON'],
      [{ filter: '[]' }, 'filter', 'filter must be a JSON object'],
      [{ filter: '{"password":"x"}' }, 'filter', 'unknown filter "password"'],
      [{ filter: '{"enabled":"perhaps"}' }, 'filter', 'enabled must be true or false'],
      [{ sort: '["passwordHash","ASC"]' }, 'sort', 'cannot sort by "passwordHash"'],
      [{ sort: '["username","SIDEWAYS"]' }, 'sort', 'sort order must be ASC or DESC'],
      [{ range: '[5,1]' }, 'range', 'range must be [start, end]'],
      [{ range: '[0,100000]' }, 'range', 'range may span at most 1000 rows'],
    ])('refuses %j with 400 naming the parameter', async (params, param, message) => {
      const answer = await admin.get<{ message: string; errors: Record<string, string> }>(
        `/admin/api/users?${new URLSearchParams(params as Record<string, string>)}`,
      );
      expect(answer.status).toBe(400);
      expect(answer.body.message.startsWith(message)).toBe(true);
      expect(Object.keys(answer.body.errors)).toEqual([param]);
    });

    it('answers a non-numeric id with 400', async () => {
      expect((await admin.get('/admin/api/users/abc')).status).toBe(400);
    });
  });

  describe('creating users (POST /admin/api/users)', () => {
    const acmeId = async () => (await t.dataSource.query(`SELECT id FROM organizations WHERE name = 'Acme Widgets'`))[0].id as number;
    const body = async (extra: Record<string, unknown> = {}) => ({
      username: 'Ellen.Ripley',
      email: 'ellen@acme.test',
      password: 'Nostromo-180924!',
      firstName: 'Ellen',
      lastName: 'Ripley',
      organizationIds: [await acmeId()],
      roles: ['ROLE_USER'],
      ...extra,
    });

    it('creates a user who can sign in, in the caller\'s organizations, audited without the password', async () => {
      const created = await admin.post<UserDto>('/admin/api/users', await body());
      expect(created.status).toBe(201);
      expect(created.body).toEqual(expect.objectContaining({ username: 'ellen.ripley', email: 'ellen@acme.test', firstName: 'Ellen', roles: ['ROLE_USER'], organizationIds: [await acmeId()] }));
      expect((await t.client().signIn('ellen.ripley', 'Nostromo-180924!')).status).toBe(200);
      const audit = await admin.get<Array<{ after: Record<string, unknown> }>>(`/admin/api/audit-events${q({ filter: { action: 'user.created' } })}`);
      expect(audit.body[0].after).toMatchObject({ username: 'ellen.ripley', memberships: [{ organizationId: await acmeId(), roles: ['ROLE_USER'] }] });
      expect(JSON.stringify(audit.body)).not.toContain('Nostromo');
      expect((await admin.post<{ errors: Record<string, string> }>('/admin/api/users', await body({ email: 'other@acme.test' }))).body.errors).toEqual({ username: 'This username is already taken.' });
    });

    it('refuses other tenants\' organizations, unknown roles and bad fields, each at its field', async () => {
      const hidden = (await t.dataSource.query(`SELECT id FROM organizations WHERE name = 'Hidden Co'`))[0].id;
      const answer = await admin.post<{ errors: Record<string, string> }>('/admin/api/users', await body({ username: 'x y', email: 'fresh@acme.test', organizationIds: [hidden], roles: ['ROLE_GOD'], password: 'short', isAdmin: true }));
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual({
        isAdmin: 'Unknown field "isAdmin".',
        username: 'Use 1 to 180 letters, digits, dots, dashes, underscores or @.',
        password: 'Use 12 to 1024 characters.',
        organizationIds: 'Choose one or more of your organizations.',
        roles: 'Unknown role: ROLE_GOD.',
      });
    });

    it('never lets a caller grant a role that allows more than they may do', async () => {
      await createRole(t.dataSource, 'ROLE_HR', ['users.view', 'users.create']);
      await createUser(t.dataSource, { username: 'hr', password: 'hr-password', organizations: [{ id: await acmeId() }], roles: ['ROLE_HR'] });
      const hr = await t.signedIn('hr', 'hr-password');
      const escalation = await hr.post<{ errors: Record<string, string> }>('/admin/api/users', await body({ username: 'mallory', email: 'mallory@acme.test', roles: ['ROLE_ADMINISTRATOR'] }));
      expect(escalation.body.errors).toEqual({ roles: 'You cannot grant ROLE_ADMINISTRATOR: it allows more than you may do.' });
      expect((await hr.post('/admin/api/users', await body({ username: 'newbie', email: 'newbie@acme.test' }))).status).toBe(201);
      const viewer = await t.signedIn('viewer', 'viewer-password');
      expect((await viewer.post('/admin/api/users', await body({ username: 'nope', email: 'nope@acme.test' }))).status).toBe(403);
    });
  });

  describe('organizations', () => {
    it('lists only the organizations the user belongs to', async () => {
      const answer = await admin.get<OrganizationDto[]>('/admin/api/organizations');
      expect(answer.body.map((o) => o.name)).toEqual(['Acme Widgets', 'Default Organization']);
      expect(answer.headers.get('content-range')).toBe('organizations 0-1/2');
      const hidden = await t.dataSource.query(`SELECT id FROM organizations WHERE name = 'Hidden Co'`);
      expect((await admin.get(`/admin/api/organizations/${hidden[0].id}`)).status).toBe(404);
    });
  });

  describe('creating organizations (POST /admin/api/organizations)', () => {
    it('is a platform operator\'s: creates a tenant, audited, and refuses a taken or empty name at the field', async () => {
      const root = await t.signedIn('root', 'root-password');
      const created = await root.post<OrganizationDto>('/admin/api/organizations', { name: '  Initech  ' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual(expect.objectContaining({ name: 'Initech' }));
      // An operator reaches it without joining it.
      expect((await root.get(`/admin/api/organizations/${created.body.id}`)).status).toBe(200);
      expect((await root.get<{ organizationIds: number[] }>('/admin/api/me')).body.organizationIds).toEqual([]);
      const audit = await root.get<Array<{ target: { name: string } }>>(`/admin/api/audit-events${q({ filter: { action: 'organization.created' } })}`);
      expect(audit.body[0].target.name).toBe('Initech');

      const taken = await root.post<{ errors: Record<string, string> }>('/admin/api/organizations', { name: 'Hidden Co' });
      expect(taken.status).toBe(400);
      expect(taken.body.errors).toEqual({ name: 'An organization with this name already exists.' });
      expect((await root.post<{ errors: Record<string, string> }>('/admin/api/organizations', { name: ' ', plan: 'gold' })).body.errors).toEqual({
        name: 'Enter a name for the organization.',
        plan: 'Unknown field "plan".',
      });
    });

    it('is refused to organization administrators and everyone else', async () => {
      expect((await admin.post('/admin/api/organizations', { name: 'Mine' })).status).toBe(403);
      const viewer = await t.signedIn('viewer', 'viewer-password');
      expect((await viewer.post('/admin/api/organizations', { name: 'Mine' })).status).toBe(403);
      expect(await t.dataSource.query(`SELECT id FROM organizations WHERE name = 'Mine'`)).toEqual([]);
    });
  });

  describe('customer users', () => {
    it('lists the storefront users of visible organizations, with filters', async () => {
      const all = await admin.get<CustomerUserDto[]>('/admin/api/customer-users');
      expect(all.body.map((c) => c.email)).toEqual(['buyer@acme.test', 'off@acme.test']);
      expect(JSON.stringify(all.body)).not.toMatch(/password|scrypt/i);
      const enabled = await admin.get<CustomerUserDto[]>(`/admin/api/customer-users${q({ filter: { enabled: true, q: 'bea' } })}`);
      expect(enabled.body.map((c) => c.email)).toEqual(['buyer@acme.test']);
      const one = await admin.get<CustomerUserDto>(`/admin/api/customer-users/${all.body[0].id}`);
      expect(one.body).toEqual(expect.objectContaining({ email: 'buyer@acme.test', enabled: true, firstName: 'Bea' }));
    });

    it('creates one in an organization of the caller, who can then sign in on the storefront', async () => {
      const acme = await t.dataSource.query(`SELECT id FROM organizations WHERE name = 'Acme Widgets'`);
      const body = { organizationId: acme[0].id, email: ' New.Buyer@Acme.test ', firstName: 'Nia', password: 'a-long-customer-password' };
      const created = await admin.post<CustomerUserDto>('/admin/api/customer-users', body);
      expect(created.status).toBe(201);
      expect(created.body).toEqual(expect.objectContaining({ email: 'new.buyer@acme.test', firstName: 'Nia', organizationId: acme[0].id, enabled: true, locale: 'en' }));
      expect(JSON.stringify(created.body)).not.toMatch(/password/i);
      const again = await admin.post<{ errors: Record<string, string> }>('/admin/api/customer-users', body);
      expect(again.body.errors).toEqual({ email: 'A customer user with this email already exists.' });
    });

    it('refuses bad input field by field, another tenant\'s organization, and callers without customer_users.create', async () => {
      const bad = await admin.post<{ errors: Record<string, string> }>('/admin/api/customer-users', { email: 'nope', password: 'short', role: 'x' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual({ email: 'Enter an email address.', password: 'Use 12 to 1024 characters.', role: 'Unknown field "role".' });
      const hidden = await t.dataSource.query(`SELECT id FROM organizations WHERE name = 'Hidden Co'`);
      const elsewhere = await admin.post<{ errors: Record<string, string> }>('/admin/api/customer-users', { organizationId: hidden[0].id, email: 'x@hidden.test', password: 'a-long-customer-password' });
      expect(elsewhere.body.errors).toEqual({ organizationId: 'Choose an organization you belong to.' });
      const viewer = await t.signedIn('viewer', 'viewer-password');
      expect((await viewer.post('/admin/api/customer-users', { email: 'v@acme.test', password: 'a-long-customer-password' })).status).toBe(403);
    });
  });

  describe('permissions', () => {
    it('answers 403 to a signed-in user whose roles do not grant the view', async () => {
      const viewer = await t.signedIn('viewer', 'viewer-password');
      for (const resource of ['users', 'organizations', 'customer-users']) {
        const answer = await viewer.get(`/admin/api/${resource}`);
        expect(answer.status).toBe(403);
        expect(answer.body).toEqual({ message: expect.stringContaining('permission') });
      }
      expect((await viewer.get('/admin/api/me')).status).toBe(200);
    });
  });
});
