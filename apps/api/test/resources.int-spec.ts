import { Organization } from '@keyhouse/api-identity';
import type { CustomerUserDto, OrganizationDto, UserDto } from '@keyhouse/shared-contracts';
import { createCustomerUser, createOrganization, createUser } from './support/fixtures';
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
    // The admin belongs to the default organization; give them Acme too.
    await t.dataSource.query('INSERT INTO user_organizations (userId, organizationId) VALUES (1, ?)', [acme.id]);
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

  describe('organizations', () => {
    it('lists only the organizations the user belongs to', async () => {
      const answer = await admin.get<OrganizationDto[]>('/admin/api/organizations');
      expect(answer.body.map((o) => o.name)).toEqual(['Acme Widgets', 'Default Organization']);
      expect(answer.headers.get('content-range')).toBe('organizations 0-1/2');
      const hidden = await t.dataSource.query(`SELECT id FROM organizations WHERE name = 'Hidden Co'`);
      expect((await admin.get(`/admin/api/organizations/${hidden[0].id}`)).status).toBe(404);
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
