import type { CustomerUserDto } from '@keyhouse/shared-contracts';
import { createCustomerUser, createRole, createUser } from './support/fixtures';
import type { Answer, HttpClient } from './support/http-client';
import { TEST_DIALECT } from './support/databases';
import { startTestApp, type TestApp } from './support/test-app';

type ErrorBody = { message: string; errors: Record<string, string> };

/** What one wrong value of a field is answered, at that field (or a path below it). */
type Wrong = [field: string, value: unknown, errors: Record<string, string>];

const USERNAME = 'Use 1 to 180 letters, digits, dots, dashes, underscores or @.';
const EMAIL = 'Enter an email address.';
const PASSWORD = 'Use 12 to 1024 characters.';
const NAME = 'Use at most 100 characters.';
const FLAG = 'Must be true or false.';
const MEMBERSHIPS = 'Give a list of {"organizationId", "roles": [role names]}.';
const ROLE_NAMES = 'Give a list of role names.';
const ORGANIZATION_IDS = 'Give a list of organization ids.';
const LOCALE = 'Use a language code such as en or de.';
const unknown = (name: string, path = name) => ({ [path]: `Unknown field "${name}".` });

// JSON that is not an object, as a client sends it: text as it stands, the rest as JSON.
const NOT_OBJECTS: unknown[] = ['[1,2]', '"str"', '123', 'null', 'true'];

/**
 * Issue 14: the bodies of the identity routes read by their DTO classes. Each route refuses
 * unknown fields, wrong types, nested values where a scalar goes and scalars where a list goes,
 * and bodies that are not objects: 400 in the documented shape, naming the field, never a 500.
 */
describe(`request bodies of users, customer users, roles and organizations on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  let admin: HttpClient;
  let userId: number;
  let customerId: number;
  let roleId: number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn();
    userId = (await createUser(t.dataSource, { username: 'edited', organizations: [{ id: 1 }], roles: ['ROLE_USER'] })).id;
    customerId = (await createCustomerUser(t.dataSource, { email: 'edited@shop.test', organization: { id: 1 } })).id;
    roleId = (await createRole(t.dataSource, 'ROLE_EDITED', ['users.view'], 1)).id;
  });
  afterAll(() => t.close());

  const send = (method: string, path: string, body: unknown) =>
    admin.request<ErrorBody>(method, path, body, typeof body === 'string' ? { 'content-type': 'application/json' } : {});

  /** Every wrong value answered 400, with the route's message and exactly the errors expected. */
  function refusesEach(method: string, path: () => string, base: () => Record<string, unknown>, refused: string, wrongs: Wrong[]) {
    it.each(wrongs)(`${method} refuses %s: %j`, async (field, value, errors) => {
      const answer = await send(method, path(), { ...base(), [field]: value });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ message: refused, errors });
    });
  }

  function refusesNonObjects(method: string, path: () => string, message: string) {
    it.each(NOT_OBJECTS)(`${method} refuses the body %s as not an object`, async (body) => {
      const answer = await send(method, path(), body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ message, errors: {} });
    });
  }

  describe('POST /admin/api/users', () => {
    const path = () => '/admin/api/users';
    const account = { username: 'typed.user', email: 'typed.user@example.com', password: 'a-long-enough-password' };
    const withMemberships = () => ({ ...account, memberships: [{ organizationId: 1, roles: ['ROLE_USER'] }] });
    const olderForm = () => ({ ...account, organizationIds: [1], roles: ['ROLE_USER'] });
    const refused = 'The user was not created.';

    refusesEach('POST', path, withMemberships, refused, [
      ['isAdmin', true, unknown('isAdmin')],
      ['username', 7, { username: USERNAME }],
      ['username', ['typed.user'], { username: USERNAME }],
      ['email', [], { email: EMAIL }],
      ['email', { address: 'typed.user@example.com' }, { email: EMAIL }],
      ['password', 123456789012, { password: PASSWORD }],
      ['firstName', {}, { firstName: NAME }],
      ['lastName', ['Lee'], { lastName: NAME }],
      ['platformOperator', 'yes', { platformOperator: FLAG }],
      ['platformOperator', null, { platformOperator: FLAG }],
      ['memberships', 'all', { memberships: MEMBERSHIPS }],
      ['memberships', [1], { memberships: MEMBERSHIPS }],
      ['memberships', [[1, ['ROLE_USER']]], { memberships: MEMBERSHIPS }],
      ['memberships', [{ organizationId: {}, roles: ['ROLE_USER'] }], { 'memberships.0.organizationId': 'Choose an organization.' }],
      ['memberships', [{ organizationId: '1', roles: ['ROLE_USER'] }], { 'memberships.0.organizationId': 'Choose an organization.' }],
      ['memberships', [{ organizationId: 1, roles: [{}] }], { 'memberships.0.roles': ROLE_NAMES }],
      ['memberships', [{ organizationId: 1, roles: 'ROLE_USER' }], { 'memberships.0.roles': ROLE_NAMES }],
      ['memberships', [{ organizationId: 1, roles: [], admin: true }], unknown('admin', 'memberships.0.admin')],
      ['memberships', [{ organizationId: 1, roles: [] }, { organizationId: 1, roles: [] }], { memberships: 'Each organization may appear once.' }],
    ]);

    refusesEach('POST', path, olderForm, refused, [
      ['roles', [{}], { roles: ROLE_NAMES }],
      ['roles', [['ROLE_USER']], { roles: ROLE_NAMES }],
      ['roles', 'ROLE_USER', { roles: ROLE_NAMES }],
      ['organizationIds', ['1'], { organizationIds: ORGANIZATION_IDS }],
      ['organizationIds', 1, { organizationIds: ORGANIZATION_IDS }],
      ['organizationIds', [{}], { organizationIds: ORGANIZATION_IDS }],
    ]);

    refusesNonObjects('POST', path, 'Send the user as a JSON object.');

    it('refuses memberships with the older pair, and either half of the pair alone', async () => {
      const both = await send('POST', path(), { ...withMemberships(), roles: ['ROLE_USER'] });
      expect(both.body.errors).toEqual({ memberships: 'Send either memberships, or organizationIds with roles, not both.' });
      expect((await send('POST', path(), { ...account, roles: ['ROLE_USER'] })).body.errors).toEqual({ organizationIds: ORGANIZATION_IDS });
      expect((await send('POST', path(), { ...account, organizationIds: [1] })).body.errors).toEqual({ roles: ROLE_NAMES });
    });
  });

  describe('PUT /admin/api/users/:id', () => {
    const path = () => `/admin/api/users/${userId}`;
    const refused = 'The user was not saved.';

    refusesEach('PUT', path, () => ({}), refused, [
      ['passwordHash', 'x', unknown('passwordHash')],
      ['email', [], { email: EMAIL }],
      ['firstName', {}, { firstName: NAME }],
      ['enabled', 'no', { enabled: FLAG }],
      ['platformOperator', 1, { platformOperator: FLAG }],
      ['memberships', { organizationId: 1 }, { memberships: MEMBERSHIPS }],
      ['memberships', [{ organizationId: {}, roles: ['ROLE_USER'] }], { 'memberships.0.organizationId': 'Choose an organization.' }],
      ['memberships', [{ organizationId: 1, roles: [{}] }], { 'memberships.0.roles': ROLE_NAMES }],
      ['id', 'x', { id: 'The id is set by the server.' }],
      ['username', 7, { username: 'The username cannot be changed.' }],
      ['locale', ['en'], { locale: 'Users choose the language of their emails themselves.' }],
      ['organizationIds', ['1'], { organizationIds: 'Change the memberships to change organizations.' }],
      ['roles', [{}], { roles: 'Change the memberships to change roles.' }],
      ['createdAt', 5, { createdAt: 'The creation date is set by the server.' }],
    ]);

    refusesNonObjects('PUT', path, 'Send the user as a JSON object.');
  });

  describe('POST /admin/api/customer-users', () => {
    const path = () => '/admin/api/customer-users';
    const base = () => ({ email: 'typed.buyer@shop.test', password: 'a-long-customer-password' });

    refusesEach('POST', path, base, 'The customer user was not created.', [
      ['role', 'x', unknown('role')],
      ['organizationId', '1', { organizationId: 'Must be an id.' }],
      ['organizationId', 1.5, { organizationId: 'Must be an id.' }],
      ['organizationId', {}, { organizationId: 'Must be an id.' }],
      ['email', [], { email: EMAIL }],
      ['firstName', {}, { firstName: NAME }],
      ['lastName', [], { lastName: NAME }],
      ['password', ['a-long-customer-password'], { password: PASSWORD }],
      ['locale', 'German', { locale: LOCALE }],
      ['locale', ['de'], { locale: LOCALE }],
    ]);

    refusesNonObjects('POST', path, 'Send the customer user as a JSON object.');

    it('takes a name sent as null (an emptied input in the console) for no name', async () => {
      const created = await send('POST', path(), { ...base(), email: 'no.name@shop.test', firstName: null, lastName: null });
      expect(created.status).toBe(201);
      expect(created.body as unknown as CustomerUserDto).toMatchObject({ email: 'no.name@shop.test', firstName: '', lastName: '' });
    });
  });

  describe('PUT /admin/api/customer-users/:id', () => {
    const path = () => `/admin/api/customer-users/${customerId}`;

    refusesEach('PUT', path, () => ({}), 'The customer user was not saved.', [
      ['passwordHash', 'x', unknown('passwordHash')],
      ['email', [], { email: EMAIL }],
      ['firstName', {}, { firstName: NAME }],
      ['enabled', 'no', { enabled: FLAG }],
      ['locale', {}, { locale: LOCALE }],
      ['organizationId', 'x', { organizationId: 'A customer user stays in their organization.' }],
      ['id', {}, { id: 'The id is set by the server.' }],
      ['createdAt', 5, { createdAt: 'The creation date is set by the server.' }],
    ]);

    refusesNonObjects('PUT', path, 'Send the customer user as a JSON object.');
  });

  describe('POST /admin/api/roles', () => {
    const path = () => '/admin/api/roles';
    const base = () => ({ label: 'Typed role', permissions: ['users.view'], organizationId: 1 });

    refusesEach('POST', path, base, 'The role was not created.', [
      ['builtIn', true, unknown('builtIn')],
      ['label', 5, { label: 'Enter a name for the role.' }],
      ['label', '  ', { label: 'Enter a name for the role.' }],
      ['label', 'x'.repeat(256), { label: 'Use at most 255 characters.' }],
      ['name', 5, { name: 'Use ROLE_ followed by capital letters, digits or underscores (at most 64 characters).' }],
      ['name', 'role_typed', { name: 'Use ROLE_ followed by capital letters, digits or underscores (at most 64 characters).' }],
      ['permissions', 'users.view', { permissions: 'Give a list of permissions.' }],
      ['permissions', [{}], { permissions: 'Unknown permission: {}.' }],
      ['permissions', ['users.view', 'users.fly'], { permissions: 'Unknown permission: users.fly.' }],
      ['organizationId', '1', { organizationId: 'Must be an id, or null for a platform role.' }],
      ['organizationId', { id: 1 }, { organizationId: 'Must be an id, or null for a platform role.' }],
    ]);

    refusesNonObjects('POST', path, 'Send the role as a JSON object.');
  });

  describe('PUT /admin/api/roles/:id', () => {
    const path = () => `/admin/api/roles/${roleId}`;

    refusesEach('PUT', path, () => ({}), 'The role was not saved.', [
      ['colour', 'red', unknown('colour')],
      ['label', {}, { label: 'Enter a name for the role.' }],
      ['label', null, { label: 'Enter a name for the role.' }],
      ['permissions', [1], { permissions: 'Unknown permission: 1.' }],
      ['permissions', null, { permissions: 'Give a list of permissions.' }],
      ['name', 5, { name: 'The name cannot be changed: users are given roles by it.' }],
      ['organizationId', 'x', { organizationId: 'A role stays where it was created.' }],
      ['id', 'x', { id: 'The id is set by the server.' }],
      ['builtIn', 'no', { builtIn: 'Only the roles Keyhouse ships are built in.' }],
    ]);

    refusesNonObjects('PUT', path, 'Send the role as a JSON object.');
  });

  describe('POST /admin/api/organizations', () => {
    const path = () => '/admin/api/organizations';

    refusesEach('POST', path, () => ({ name: 'Typed Co' }), 'The organization was not created.', [
      ['plan', 'gold', unknown('plan')],
      ['name', 5, { name: 'Enter a name for the organization.' }],
      ['name', ['Typed Co'], { name: 'Enter a name for the organization.' }],
      ['name', 'x'.repeat(256), { name: 'Use at most 255 characters.' }],
    ]);

    refusesNonObjects('POST', path, 'Send the organization as a JSON object.');
  });

  describe('what the fuzzer found', () => {
    it.each([[[{}]], [[[]]], [[{ name: 'ROLE_USER' }]]])('POST /admin/api/users with "roles": %j is a 400 at roles, not a 500', async (roles) => {
      const answer = await send('POST', '/admin/api/users', { username: 'fuzzed', email: 'fuzzed@example.com', password: 'a-long-enough-password', organizationIds: [1], roles });
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual({ roles: ROLE_NAMES });
    });

    it.each(['users', 'customer-users'])('PUT /admin/api/%s/:id refuses bodies that are not objects (it answered 200)', async (resource) => {
      const id = resource === 'users' ? userId : customerId;
      for (const body of NOT_OBJECTS) expect((await send('PUT', `/admin/api/${resource}/${id}`, body)).status).toBe(400);
    });

    it('a platform operator giving an organization that does not exist is told at the field (it was a 500)', async () => {
      const account = { username: 'nowhere', email: 'nowhere@example.com', password: 'a-long-enough-password' };
      const membership = await send('POST', '/admin/api/users', { ...account, memberships: [{ organizationId: 999_999, roles: [] }] });
      expect(membership.body).toEqual({ message: 'The user was not created.', errors: { memberships: 'Choose one or more of your organizations.' } });
      const edit = await send('PUT', `/admin/api/users/${userId}`, { memberships: [{ organizationId: 999_999, roles: [] }] });
      expect(edit.body.errors).toEqual({ memberships: 'You can only change memberships in organizations where you may edit users.' });
      const customer = await send('POST', '/admin/api/customer-users', { organizationId: 999_999, email: 'nowhere@shop.test', password: 'a-long-customer-password' });
      expect(customer.body.errors).toEqual({ organizationId: 'Choose an organization you belong to.' });
      const role = await send('POST', '/admin/api/roles', { label: 'Nowhere', permissions: [], organizationId: 999_999 });
      expect(role.body.errors).toEqual({ organizationId: 'There is no organization with this id.' });
    });
  });

  it('answers a malformed edit 400 even where there is no such record, or one the caller may not edit', async () => {
    const missing = await send('PUT', '/admin/api/customer-users/999999', { enabled: 'no' });
    expect(missing.body).toEqual({ message: 'The customer user was not saved.', errors: { enabled: FLAG } });
    expect((await send('PUT', '/admin/api/users/999999', { enabled: 'no' })).status).toBe(400);
    const builtIn = (await admin.get<Array<{ id: number; name: string }>>('/admin/api/roles')).body.find((role) => role.name === 'ROLE_ADMINISTRATOR');
    expect((await send('PUT', `/admin/api/roles/${builtIn?.id}`, { label: {} })).body.errors).toEqual({ label: 'Enter a name for the role.' });
    // Well-formed, they are answered as before.
    expect((await send('PUT', '/admin/api/customer-users/999999', { enabled: false })).status).toBe(404);
    expect((await send('PUT', `/admin/api/roles/${builtIn?.id}`, { label: 'Boss' })).status).toBe(403);
  });

  it('names the keys every object inherits, at any depth, as unknown fields', async () => {
    const proto: Answer<ErrorBody> = await send('POST', '/admin/api/organizations', '{"name":"Proto Co","__proto__":{"admin":true}}');
    expect(proto.body).toEqual({ message: 'Some fields are not valid.', errors: unknown('__proto__') });
    const nested = await send('POST', '/admin/api/users', { username: 'nested', email: 'nested@example.com', password: 'a-long-enough-password', memberships: [{ organizationId: 1, roles: [], toString: 1 }] });
    expect(nested.body).toEqual({ message: 'The user was not created.', errors: unknown('toString', 'memberships.0.toString') });
  });
});
