import type { RoleDto, UserDto } from '@keyhouse/shared-contracts';
import { createOrganization, createRole, createUser } from './support/fixtures';
import { TEST_DIALECT } from './support/databases';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

const ROLES = '/admin/api/roles';

describe(`roles (System > User Management > Roles) on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  let operator: HttpClient;
  let acmeAdmin: HttpClient;
  let acmeId: number;
  let globexId: number;

  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.signedIn();
    acmeId = (await createOrganization(t.dataSource, 'Acme')).id;
    globexId = (await createOrganization(t.dataSource, 'Globex')).id;
    await createUser(t.dataSource, { username: 'acme.admin', password: 'acme-admin-password', organizations: [{ id: acmeId }] });
    acmeAdmin = await t.signedIn('acme.admin', 'acme-admin-password');
  });
  afterAll(() => t.close());

  const create = (as: HttpClient, body: Record<string, unknown>) => as.post<RoleDto & { errors?: Record<string, string> }>(ROLES, body);

  it('lists the built-in roles with their permissions, marked built in', async () => {
    const answer = await acmeAdmin.get<RoleDto[]>(`${ROLES}?sort=${encodeURIComponent('["name","ASC"]')}`);
    expect(answer.status).toBe(200);
    expect(answer.body.map((role) => [role.name, role.label, role.builtIn, role.organizationId])).toEqual([
      ['ROLE_ADMINISTRATOR', 'Administrator', true, null],
      ['ROLE_APPLICATION_MANAGER', 'Application manager', true, null],
      ['ROLE_USER', 'User', true, null],
      ['ROLE_VIEWER', 'Viewer', true, null],
    ]);
    const manager = answer.body.find((role) => role.name === 'ROLE_APPLICATION_MANAGER');
    expect(manager?.permissions).toEqual([
      'oauth_applications.view',
      'oauth_applications.create',
      'oauth_applications.edit',
      'oauth_applications.delete',
      'oauth_installations.view',
      'oauth_installations.manage',
    ]);
    expect(answer.body.find((role) => role.name === 'ROLE_VIEWER')?.permissions.every((permission) => permission.endsWith('.view'))).toBe(true);
  });

  it("creates an organization's own role, named from its label, audited, and offers it only there", async () => {
    const created = await create(acmeAdmin, { label: 'Support desk', permissions: ['users.view', 'customer_users.view', 'customer_users.edit'], organizationId: acmeId });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(Number),
      name: 'ROLE_SUPPORT_DESK',
      label: 'Support desk',
      permissions: ['users.view', 'customer_users.view', 'customer_users.edit'],
      organizationId: acmeId,
      builtIn: false,
    });
    const newUser = (organizationId: number, username: string) => ({
      username,
      email: `${username}@example.com`,
      password: 'a-long-enough-password',
      memberships: [{ organizationId, roles: ['ROLE_SUPPORT_DESK'] }],
    });
    expect((await acmeAdmin.post<UserDto>('/admin/api/users', newUser(acmeId, 'desk.one'))).body.roles).toEqual(['ROLE_SUPPORT_DESK']);
    // Another organization's role is no role at all there.
    const elsewhere = await operator.post<{ errors: Record<string, string> }>('/admin/api/users', newUser(globexId, 'desk.two'));
    expect(elsewhere.body.errors).toEqual({ memberships: 'Unknown role: ROLE_SUPPORT_DESK.' });
    const audit = await operator.get<Array<{ action: string; target: { name: string } }>>(`/admin/api/audit-events?filter=${encodeURIComponent('{"action":"role.created"}')}`);
    expect(audit.body.map((event) => event.target.name)).toContain('ROLE_SUPPORT_DESK');
  });

  it('refuses a role that grants more than its maker holds there, and platform roles to organization administrators', async () => {
    await createRole(t.dataSource, 'ROLE_ACME_ROLES', ['roles.view', 'roles.create', 'roles.edit', 'users.view'], acmeId);
    await createUser(t.dataSource, { username: 'role.maker', password: 'role-maker-password', organizations: [{ id: acmeId }], roles: ['ROLE_ACME_ROLES'] });
    const maker = await t.signedIn('role.maker', 'role-maker-password');
    const beyond = await create(maker, { label: 'Auditor', permissions: ['users.view', 'audit.view'], organizationId: acmeId });
    expect(beyond.status).toBe(400);
    expect(beyond.body.errors).toEqual({ permissions: 'You cannot grant audit.view: you do not hold it here.' });
    expect((await create(maker, { label: 'Reader', permissions: ['users.view'], organizationId: acmeId })).status).toBe(201);
    expect((await create(maker, { label: 'Reader elsewhere', permissions: [], organizationId: globexId })).status).toBe(403);
    expect((await create(acmeAdmin, { label: 'Platform wide', permissions: ['users.view'] })).status).toBe(403);
    // Editing a role that already grants more than the editor holds is refused too.
    const desk = (await acmeAdmin.get<RoleDto[]>(`${ROLES}?filter=${encodeURIComponent('{"q":"support"}')}`)).body[0];
    expect((await maker.request('PUT', `${ROLES}/${desk.id}`, { permissions: ['users.view'] }, {})).status).toBe(400);
  });

  it('edits label and permissions of an organization role; never a built-in one, its name or its organization', async () => {
    const role = (await create(acmeAdmin, { label: 'Editors', permissions: ['users.view'], organizationId: acmeId })).body;
    const edited = await acmeAdmin.request<RoleDto>('PUT', `${ROLES}/${role.id}`, { ...role, label: 'Editors team', permissions: ['users.view', 'users.edit'] }, {});
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ label: 'Editors team', permissions: ['users.view', 'users.edit'] });
    const renamed = await acmeAdmin.request<{ errors: Record<string, string> }>('PUT', `${ROLES}/${role.id}`, { name: 'ROLE_OTHER', organizationId: globexId }, {});
    expect(renamed.body.errors).toEqual({ name: 'The name cannot be changed: users are given roles by it.', organizationId: 'A role stays where it was created.' });
    const administrator = (await acmeAdmin.get<RoleDto[]>(ROLES)).body.find((candidate) => candidate.name === 'ROLE_ADMINISTRATOR');
    for (const as of [acmeAdmin, operator]) {
      const builtIn = await as.request('PUT', `${ROLES}/${administrator?.id}`, { permissions: [] }, {});
      expect(builtIn.status).toBe(403);
    }
  });

  it("lets operators make platform roles, and hides other organizations' roles", async () => {
    const platform = await create(operator, { label: 'Platform auditor', permissions: ['audit.view'] });
    expect(platform.body).toMatchObject({ organizationId: null, name: 'ROLE_PLATFORM_AUDITOR' });
    const globexRole = await create(operator, { label: 'Globex only', permissions: [], organizationId: globexId });
    const seen = (await acmeAdmin.get<RoleDto[]>(`${ROLES}?range=${encodeURIComponent('[0,99]')}`)).body.map((role) => role.name);
    expect(seen).toContain('ROLE_PLATFORM_AUDITOR');
    expect(seen).not.toContain('ROLE_GLOBEX_ONLY');
    expect((await acmeAdmin.get(`${ROLES}/${globexRole.body.id}`)).status).toBe(404);
    expect((await create(operator, { label: 'Platform auditor', permissions: [] })).body.errors).toEqual({ name: 'A role with this name already exists.' });
  });

  it('needs roles.view, or a user permission that gives roles, to list them', async () => {
    await createUser(t.dataSource, { username: 'plain', password: 'plain-password', organizations: [{ id: acmeId }], roles: ['ROLE_USER'] });
    expect((await (await t.signedIn('plain', 'plain-password')).get(ROLES)).status).toBe(403);
  });
});
