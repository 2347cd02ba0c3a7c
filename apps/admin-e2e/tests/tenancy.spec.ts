import {
  type CreatedOAuthApplicationDto,
  type OrganizationDto,
  PERMISSIONS,
  type RoleDto,
  type UserDto,
} from '@keyhouse/shared-contracts';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';

import { type ConsoleApi, signedInApi } from '../src/api';
import { openFromMenu, pageBody, searchGrid, signIn } from '../src/console';
import { ADMIN_FULL_NAME, ADMIN_PASSWORD, ADMIN_USERNAME, MARKETPLACE_BASE_URL } from '../src/fixtures';

// Organizations, roles and users cannot be deleted: they go to the server of the specs that
// expect no fresh database (the main server's dashboard counts one organization).
test.use({ baseURL: MARKETPLACE_BASE_URL });

const ADMIN = { username: ADMIN_USERNAME, password: ADMIN_PASSWORD };
const OLGA_PASSWORD = 'Olga-tenant-passw0rd';
/** What Olga's role leaves out, so that the grids have something to disable. */
const NOT_HELD = ['roles.edit', 'audit.view'];
const BUILT_IN_LABELS = ['Administrator', 'Application manager', 'Viewer', 'User'];

interface Tenancy {
  /** In every name made here, so that a search finds these alone. */
  stamp: number;
  north: OrganizationDto;
  south: OrganizationDto;
  /** Northwind's administrator role, every permission but NOT_HELD. */
  northManager: RoleDto;
  southRole: RoleDto;
  olga: UserDto;
  /** A first-party application of Northwind's, made by the operator. */
  trusted: CreatedOAuthApplicationDto;
}

let setup: Tenancy;
let api: ConsoleApi;
let request: APIRequestContext;
const applications: number[] = [];

// Two organizations and an administrator of one of them, made through the API by the first
// administrator, a platform operator.
test.beforeAll(async ({ playwright }) => {
  request = await playwright.request.newContext({ baseURL: MARKETPLACE_BASE_URL });
  api = await signedInApi(request, ADMIN);
  const stamp = Date.now();
  const north = await api.post<OrganizationDto>('/admin/api/organizations', { name: `Northwind ${stamp}` });
  const south = await api.post<OrganizationDto>('/admin/api/organizations', { name: `Southwind ${stamp}` });
  const northManager = await api.post<RoleDto>('/admin/api/roles', {
    label: `Northwind manager ${stamp}`,
    organizationId: north.id,
    permissions: PERMISSIONS.filter((permission) => !NOT_HELD.includes(permission)),
  });
  const southRole = await api.post<RoleDto>('/admin/api/roles', { label: `Southwind clerk ${stamp}`, organizationId: south.id, permissions: ['users.view'] });
  const olga = await api.post<UserDto>('/admin/api/users', {
    username: `olga.${stamp}`,
    email: `olga.${stamp}@example.com`,
    firstName: 'Olga',
    lastName: 'North',
    password: OLGA_PASSWORD,
    memberships: [{ organizationId: north.id, roles: [northManager.name] }],
  });
  const trusted = await api.post<CreatedOAuthApplicationDto>('/admin/api/oauth-applications', {
    organizationId: north.id,
    name: `Northwind intranet ${stamp}`,
    grants: ['authorization_code'],
    redirectUris: ['https://intranet.example.com/callback'],
    firstParty: true,
  });
  applications.push(trusted.id);
  setup = { stamp, north, south, northManager, southRole, olga, trusted };
});

// Applications can go, and do; the users made here are disabled so that nobody signs in as them.
test.afterAll(async () => {
  try {
    for (const id of applications) await api.delete(`/admin/api/oauth-applications/${id}`);
    if (!setup) return;
    const members = encodeURIComponent(JSON.stringify({ organizationId: setup.north.id }));
    for (const user of await api.get<UserDto[]>(`/admin/api/users?filter=${members}`)) {
      await api.put(`/admin/api/users/${user.id}`, { email: user.email, firstName: user.firstName, lastName: user.lastName, enabled: false });
    }
  } finally {
    await request.dispose();
  }
});

async function signInAs(browser: Browser, username: string, password: string, fullName: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: MARKETPLACE_BASE_URL });
  const page = await context.newPage();
  await page.goto('/admin');
  await signIn(page, username, password);
  await expect(page.getByRole('heading', { name: `Welcome, ${fullName}` })).toBeVisible();
  return page;
}

test('an organization administrator sees only their organization and grants only what they hold', async ({ browser }, testInfo) => {
  const { north, south, northManager, southRole, olga, trusted } = setup;
  const page = await signInAs(browser, olga.username, OLGA_PASSWORD, 'Olga North');
  const grid = page.getByRole('table');
  const create = page.getByRole('button', { name: 'Create', exact: true });

  try {
    await test.step('Organizations lists only theirs, with no Create button', async () => {
      await openFromMenu(page, 'System', 'User Management', 'Organizations');
      await expect(grid.getByRole('row').filter({ hasText: north.name })).toBeVisible();
      await expect(grid.getByRole('row')).toHaveCount(2);
      await expect(page.getByText(south.name)).toHaveCount(0);
      await expect(page.getByText('Default Organization')).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Create Organization' })).toHaveCount(0);
    });

    await test.step('the application form has no first-party field; an operator’s first-party application shows it read-only', async () => {
      await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
      await page.getByRole('link', { name: 'Create OAuth Application' }).click();
      await page.getByRole('checkbox', { name: 'Authorization Code' }).check();
      await expect(page.getByRole('checkbox', { name: 'Allow plain PKCE' })).toBeVisible();
      await expect(page.getByRole('checkbox', { name: 'First-party application' })).toHaveCount(0);
      // One organization to create applications in: no picker.
      await expect(page.getByRole('combobox', { name: 'Organization' })).toHaveCount(0);

      await page.goto(`/admin/oauth-applications/${trusted.id}`);
      await expect(page.getByRole('textbox', { name: 'Application Name', exact: true })).toHaveValue(trusted.name);
      await expect(page.getByText('Not asked: first-party application. Only a platform operator can change this.')).toBeVisible();
      await expect(page.getByRole('checkbox', { name: 'First-party application' })).toHaveCount(0);
    });

    await test.step('Roles lists the platform roles and their organization’s, not another’s', async () => {
      await openFromMenu(page, 'System', 'User Management', 'Roles');
      await expect(page).toHaveURL(/\/admin\/roles/);
      for (const label of BUILT_IN_LABELS) {
        const row = grid.getByRole('row').filter({ has: page.getByText(label, { exact: true }) });
        await expect(row).toContainText('Built-in');
        await expect(row).toContainText('All organizations');
      }
      await expect(grid.getByRole('row').filter({ hasText: northManager.label })).toContainText(north.name);
      await expect(page.getByText(southRole.label)).toHaveCount(0);
      await page.screenshot({ path: testInfo.outputPath('roles-list-organization-administrator.png'), fullPage: true });
    });

    await test.step('a built-in role is read-only and says why', async () => {
      await grid.getByRole('row').filter({ has: page.getByText('Administrator', { exact: true }) }).click();
      await expect(page).toHaveURL(/\/roles\/\d+\/show$/);
      await expect(page.getByText('Administrator is a built-in role, shipped with Keyhouse: it cannot be changed.', { exact: false })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
      await expect(page.getByRole('img', { name: 'Audit trail: View: granted' })).toBeVisible();
    });

    const label = `Support agent ${Date.now()}`;

    await test.step('creating a role: their organization without asking, and what they do not hold disabled', async () => {
      await openFromMenu(page, 'System', 'User Management', 'Roles');
      await page.getByRole('link', { name: 'Create Role' }).click();
      await expect(page).toHaveURL(/\/roles\/create$/);
      await expect(page.getByRole('radio', { name: 'All organizations (platform role)' })).toHaveCount(0);
      await expect(page.getByRole('combobox', { name: 'Organization' })).toHaveCount(0);
      await expect(page.getByRole('main').getByText(north.name, { exact: true })).toBeVisible();

      const rolesEdit = page.getByRole('checkbox', { name: 'Roles: Edit', exact: true });
      const auditView = page.getByRole('checkbox', { name: 'Audit trail: View', exact: true });
      for (const notHeld of [rolesEdit, auditView]) {
        await expect(notHeld).toBeDisabled();
        await expect(notHeld).toHaveAccessibleDescription(`You do not hold this permission in ${north.name}, so you cannot grant it.`);
      }
      await expect(page.getByRole('checkbox', { name: 'Roles: Create', exact: true })).toBeEnabled();

      await page.getByRole('textbox', { name: 'Label' }).fill(label);
      // By keyboard: Tab reaches the grid's checkboxes, Space ticks them.
      const usersView = page.getByRole('checkbox', { name: 'Users: View', exact: true });
      await usersView.focus();
      await page.keyboard.press('Space');
      await expect(usersView).toBeChecked();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('checkbox', { name: 'Users: Create', exact: true })).toBeFocused();
      await page.getByRole('checkbox', { name: 'Customer users: View', exact: true }).check();
      await page.screenshot({ path: testInfo.outputPath('role-create-organization-administrator.png'), fullPage: true });
      await create.click();

      await expect(page.getByText('Role created')).toBeVisible();
      await expect(page).toHaveURL(/\/roles\/\d+\/show$/);
      await expect(pageBody(page).getByText(label, { exact: true })).toBeVisible();
      await expect(page.getByRole('main').getByText(north.name, { exact: true })).toBeVisible();
      await expect(page.getByRole('img', { name: 'Users: View: granted', exact: true })).toBeVisible();
      await expect(page.getByText('Users: Create: not granted', { exact: true })).toBeAttached();
      // Without roles.edit they made it but cannot change it.
      await expect(page.getByText(`You may not edit the roles of ${north.name}.`)).toBeVisible();
      await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
    });

    await test.step('creating a user offers only their organization and the roles they may give there', async () => {
      await openFromMenu(page, 'System', 'User Management', 'Users');
      await page.getByRole('link', { name: 'Create User' }).click();
      await expect(page).toHaveURL(/\/users\/create$/);
      await expect(page.getByRole('combobox', { name: 'Organization' })).toHaveCount(0);
      await expect(page.getByRole('checkbox', { name: 'Platform operator' })).toHaveCount(0);
      const roles = page.getByRole('group', { name: 'Roles' });
      await expect(roles.getByRole('checkbox')).toHaveCount(BUILT_IN_LABELS.length + 2);
      await expect(roles.getByRole('checkbox', { name: 'User', exact: true })).toBeChecked();
      await expect(roles.getByRole('checkbox', { name: label })).toBeEnabled();
      await expect(roles.getByRole('checkbox', { name: northManager.label })).toBeEnabled();
      await expect(roles.getByRole('checkbox', { name: 'Application manager' })).toBeEnabled();
      // Both hold what Olga does not (audit.view, and roles.edit for the Administrator).
      for (const beyond of ['Administrator', 'Viewer']) {
        await expect(roles.getByRole('checkbox', { name: beyond })).toBeDisabled();
        await expect(roles.getByRole('checkbox', { name: beyond })).toHaveAccessibleDescription(
          `${beyond} allows more than you may do in ${north.name}: only someone who may do all of it can grant it.`,
        );
      }
      await expect(roles.getByRole('checkbox', { name: southRole.label })).toHaveCount(0);

      const username = `pete.${Date.now()}`;
      await page.getByRole('textbox', { name: 'Username' }).fill(username);
      await page.getByRole('textbox', { name: 'Email' }).fill(`${username}@example.com`);
      await page.getByRole('textbox', { name: 'Password', exact: true }).fill('Pete-is-a-new-user-1');
      await roles.getByRole('checkbox', { name: 'Application manager' }).check();
      await page.screenshot({ path: testInfo.outputPath('user-create-organization-administrator.png'), fullPage: true });

      // Meanwhile the operator takes installing apps away from Olga: the API refuses the
      // Application manager role now, and says so at the roles.
      const managerPermissions = northManager.permissions;
      await api.put(`/admin/api/roles/${northManager.id}`, { label: northManager.label, permissions: managerPermissions.filter((permission) => permission !== 'oauth_installations.manage') });
      try {
        await create.click();
        await expect(roles).toContainText('You cannot grant');
        await expect(page).toHaveURL(/\/users\/create$/);
      } finally {
        await api.put(`/admin/api/roles/${northManager.id}`, { label: northManager.label, permissions: managerPermissions });
      }
      await create.click();

      await expect(page.getByText('User created')).toBeVisible();
      const memberships = page.getByRole('table', { name: 'Memberships' });
      const membership = memberships.getByRole('row').filter({ hasText: north.name });
      await expect(membership).toContainText('Application manager');
      await expect(membership).toContainText('User');
      await expect(memberships).not.toContainText('ROLE_');
    });
  } finally {
    await page.context().close();
  }
});

test('a platform operator sees every organization, the first-party field, and makes platform roles', async ({ browser }, testInfo) => {
  const { north, south } = setup;
  const page = await signInAs(browser, ADMIN_USERNAME, ADMIN_PASSWORD, ADMIN_FULL_NAME);
  const grid = page.getByRole('table');

  try {
    await test.step('Organizations lists both, and the default one, with a Create button', async () => {
      await openFromMenu(page, 'System', 'User Management', 'Organizations');
      for (const name of [north.name, south.name, 'Default Organization']) await expect(grid.getByRole('row').filter({ hasText: name })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Create Organization' })).toBeVisible();
    });

    await test.step('the applications grid keeps all five filters on one line at 1440 px and sorts by organization name', async () => {
      const anchor = await api.post<CreatedOAuthApplicationDto>('/admin/api/oauth-applications', {
        organizationId: south.id,
        name: `Anchor ${setup.stamp}`,
        grants: ['password'],
      });
      applications.push(anchor.id);
      await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
      const filters = ['Application name', 'Organization', 'Status', 'Grant Type', 'Dormant'].map((name) =>
        page.getByRole(name === 'Application name' ? 'textbox' : 'combobox', { name, exact: true }),
      );
      // One line: each filter starts above where the shortest one ends.
      const boxes = await Promise.all(filters.map(async (filter) => (await filter.boundingBox()) ?? { y: NaN, height: NaN }));
      const firstLineEnd = Math.min(...boxes.map((box) => box.y + box.height));
      expect(boxes.map((box) => box.y < firstLineEnd), `the filters' tops: ${boxes.map((box) => box.y).join(', ')}`).toEqual(boxes.map(() => true));

      await searchGrid(page, page.getByRole('textbox', { name: 'Application name', exact: true }), String(setup.stamp));
      const names = grid.getByRole('row').filter({ hasText: String(setup.stamp) });
      // By application name first: Anchor (Southwind) before Northwind intranet.
      await expect(names).toHaveText([/^Anchor/, /^Northwind intranet/]);
      await grid.getByRole('columnheader', { name: 'Organization' }).getByRole('button').click();
      await expect(page).toHaveURL(/sort=organization.name/);
      await expect(names).toHaveText([/^Northwind intranet/, /^Anchor/]);
    });

    await test.step('the application form asks which organization and offers the first-party field', async () => {
      await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
      await page.getByRole('link', { name: 'Create OAuth Application' }).click();
      await expect(page.getByRole('combobox', { name: 'Organization' })).toBeVisible();
      await page.getByRole('checkbox', { name: 'Authorization Code' }).check();
      await expect(page.getByRole('checkbox', { name: 'First-party application' })).not.toBeChecked();
    });

    await test.step('the user form asks for organizations, line by line', async () => {
      await openFromMenu(page, 'System', 'User Management', 'Users');
      await page.getByRole('link', { name: 'Create User' }).click();
      await expect(page.getByRole('checkbox', { name: 'Platform operator' })).not.toBeChecked();
      const organization = page.getByRole('combobox', { name: 'Organization' });
      await expect(organization).toHaveCount(1);
      await expect(page.getByText('Choose the organization first', { exact: false })).toBeVisible();
      await organization.fill(south.name);
      await page.getByRole('option', { name: south.name }).click();
      await expect(page.getByRole('group', { name: 'Roles' }).getByRole('checkbox', { name: setup.southRole.label })).toBeVisible();
      await expect(page.getByRole('group', { name: 'Roles' }).getByRole('checkbox', { name: setup.northManager.label })).toHaveCount(0);
      await page.getByRole('button', { name: 'Add organization' }).click();
      await expect(organization).toHaveCount(2);
      // An organization already on a line cannot be chosen again.
      await organization.nth(1).fill(south.name);
      await expect(page.getByRole('option', { name: south.name })).toBeDisabled();
      await page.keyboard.press('Escape');
      await page.screenshot({ path: testInfo.outputPath('user-create-operator.png'), fullPage: true });
    });

    await test.step('an operator adds Olga to the other organization too, with its own role', async () => {
      await page.goto(`/admin/users/${setup.olga.id}`);
      const organization = page.getByRole('combobox', { name: 'Organization' });
      await expect(organization).toHaveValue(north.name);
      const lines = page.getByRole('group', { name: 'Roles' });
      await expect(lines.getByRole('checkbox', { name: setup.northManager.label })).toBeChecked();
      await page.getByRole('button', { name: 'Add organization' }).click();
      await organization.nth(1).fill(south.name);
      await page.getByRole('option', { name: south.name }).click();
      await lines.nth(1).getByRole('checkbox', { name: setup.southRole.label }).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page).toHaveURL(/\/users\/\d+\/show$/);
      const memberships = page.getByRole('table', { name: 'Memberships' });
      await expect(memberships.getByRole('row').filter({ hasText: north.name })).toContainText(setup.northManager.label);
      await expect(memberships.getByRole('row').filter({ hasText: south.name })).toContainText(setup.southRole.label);
    });

    await test.step('nobody changes their own platform operator status', async () => {
      const me = await api.get<UserDto>('/admin/api/me');
      await page.goto(`/admin/users/${me.id}`);
      await expect(page.getByRole('textbox', { name: 'Username' })).toHaveValue(ADMIN_USERNAME);
      await expect(page.getByRole('checkbox', { name: 'Platform operator' })).toHaveCount(0);
    });

    const label = `Auditor ${Date.now()}`;

    await test.step('a platform role, for every organization, with nothing disabled', async () => {
      await openFromMenu(page, 'System', 'User Management', 'Roles');
      await page.getByRole('link', { name: 'Create Role' }).click();
      await page.getByRole('radio', { name: 'All organizations (platform role)' }).check();
      await expect(page.getByRole('combobox', { name: 'Organization' })).toHaveCount(0);
      await page.getByRole('textbox', { name: 'Label' }).fill(label);
      for (const permission of ['Audit trail: View', 'Roles: Edit', 'Users: View']) {
        await expect(page.getByRole('checkbox', { name: permission, exact: true })).toBeEnabled();
      }
      await page.getByRole('checkbox', { name: 'Audit trail: View', exact: true }).check();
      await page.screenshot({ path: testInfo.outputPath('role-create-operator.png'), fullPage: true });
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await expect(page.getByText('Role created')).toBeVisible();
      await expect(page.getByRole('main').getByText('All organizations', { exact: true })).toBeVisible();
    });

    await test.step('an operator edits the platform role they made', async () => {
      await page.getByRole('link', { name: 'Edit' }).click();
      await expect(page.getByRole('textbox', { name: 'Name' })).not.toBeEditable();
      await page.getByRole('checkbox', { name: 'Users: View', exact: true }).check();
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByText('Role saved')).toBeVisible();
      await expect(page.getByRole('img', { name: 'Users: View: granted', exact: true })).toBeVisible();
      await expect(page.getByRole('img', { name: 'Audit trail: View: granted', exact: true })).toBeVisible();
    });

    await test.step('the Roles list shows every organization’s roles to an operator', async () => {
      await openFromMenu(page, 'System', 'User Management', 'Roles');
      await expect(grid.getByRole('row').filter({ hasText: label })).toContainText('All organizations');
      await expect(grid.getByRole('row').filter({ hasText: setup.southRole.label })).toContainText(south.name);
    });
  } finally {
    await page.context().close();
  }
});
