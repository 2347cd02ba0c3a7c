import type { ApplicationSummaryDto, CreatedOAuthApplicationDto, OrganizationDto, RoleDto, UserDto } from '@keyhouse/shared-contracts';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';

import { type ConsoleApi, signedInApi } from '../src/api';
import { closeUncopiedCredentials } from '../src/applications';
import { signIn } from '../src/console';
import { ADMIN_FULL_NAME, ADMIN_PASSWORD, ADMIN_USERNAME, MARKETPLACE_BASE_URL } from '../src/fixtures';

// Organizations, roles and users cannot be deleted: they go to the server of the specs that
// expect no fresh database (the main server's dashboard counts one organization).
test.use({ baseURL: MARKETPLACE_BASE_URL });

const ADMIN = { username: ADMIN_USERNAME, password: ADMIN_PASSWORD };
const PASSWORD = 'Roles-console-passw0rd';

interface Setup {
  organization: OrganizationDto;
  /** Lena's role. */
  reader: RoleDto;
  /** Only oauth_applications.view there. */
  lena: UserDto;
  /** The built-in User role there: may view no application. */
  max: UserDto;
  /** The built-in Application manager role there: may create applications, not view users. */
  amy: UserDto;
  lenasMachine: CreatedOAuthApplicationDto;
  maxsMachine: CreatedOAuthApplicationDto;
  oldMachine: CreatedOAuthApplicationDto;
}

let setup: Setup;
let api: ConsoleApi;
let request: APIRequestContext;
const applications: number[] = [];

// One organization of its own, so that the figures its members see are exactly these: Lena's
// and Max's machines active (two tokens for Lena's today), Max's old one deactivated.
test.beforeAll(async ({ playwright }) => {
  request = await playwright.request.newContext({ baseURL: MARKETPLACE_BASE_URL });
  api = await signedInApi(request, ADMIN);
  const stamp = Date.now();
  const organization = await api.post<OrganizationDto>('/admin/api/organizations', { name: `Limitless ${stamp}` });
  const reader = await api.post<RoleDto>('/admin/api/roles', { label: `Application reader ${stamp}`, organizationId: organization.id, permissions: ['oauth_applications.view'] });
  const member = (name: string, role: string) =>
    api.post<UserDto>('/admin/api/users', {
      username: `${name.toLowerCase()}.${stamp}`,
      email: `${name.toLowerCase()}.${stamp}@example.com`,
      firstName: name,
      lastName: 'Limitless',
      password: PASSWORD,
      memberships: [{ organizationId: organization.id, roles: [role] }],
    });
  const lena = await member('Lena', reader.name);
  const max = await member('Max', 'ROLE_USER');
  const amy = await member('Amy', 'ROLE_APPLICATION_MANAGER');
  const machine = async (name: string, userId: number) => {
    const created = await api.post<CreatedOAuthApplicationDto>('/admin/api/oauth-applications', {
      organizationId: organization.id,
      name: `${name} ${stamp}`,
      grants: ['client_credentials'],
      userId,
    });
    applications.push(created.id);
    return created;
  };
  const lenasMachine = await machine('Lena’s machine', lena.id);
  const maxsMachine = await machine('Max’s machine', max.id);
  const oldMachine = await machine('Max’s old machine', max.id);
  await api.post(`/admin/api/oauth-applications/${oldMachine.id}/deactivate`, {});
  const basic = `Basic ${Buffer.from(`${lenasMachine.clientId}:${lenasMachine.clientSecret}`).toString('base64')}`;
  for (let i = 0; i < 2; i++) {
    const answer = await request.post('/oauth2-token', { form: { grant_type: 'client_credentials' }, headers: { authorization: basic } });
    expect(answer.ok(), await answer.text()).toBe(true);
  }
  setup = { organization, reader, lena, max, amy, lenasMachine, maxsMachine, oldMachine };
});

// Applications can go, and do; the users made here are disabled so that nobody signs in as them.
test.afterAll(async () => {
  try {
    for (const id of applications) await api.delete(`/admin/api/oauth-applications/${id}`);
    if (!setup) return;
    for (const user of [setup.lena, setup.max, setup.amy]) {
      await api.put(`/admin/api/users/${user.id}`, { email: user.email, firstName: user.firstName, lastName: user.lastName, enabled: false });
    }
  } finally {
    await request.dispose();
  }
});

/**
 * Every back-office request the page makes from its sign-in on that the API refuses or fails:
 * the console should ask only what the signed-in user may ask. (The sign-in page's own
 * "who is signed in?" is answered 401 before, by design.)
 */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  let signedIn = false;
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (response.request().method() === 'POST' && pathname === '/admin/api/session') signedIn = true;
    else if (signedIn && pathname.startsWith('/admin/api/') && response.status() >= 400) failed.push(`${response.status()} ${response.request().method()} ${pathname}`);
  });
  return failed;
}

async function signInAs(browser: Browser, user: Pick<UserDto, 'username' | 'firstName' | 'lastName'>, password = PASSWORD) {
  const context = await browser.newContext({ baseURL: MARKETPLACE_BASE_URL });
  const page = await context.newPage();
  await page.goto('/admin');
  await expect(page.getByLabel('Username')).toBeVisible();
  const failed = failedRequests(page);
  await signIn(page, user.username, password);
  await expect(page.getByRole('heading', { name: `Welcome, ${`${user.firstName} ${user.lastName}`.trim()}` })).toBeVisible();
  return { page, failed };
}

/** The entries of the menu, or of a group of it (opened on the way), by name; a group counts as one entry. */
async function expectMenu(page: Page, path: string[], entries: string[]): Promise<void> {
  const menu = page.getByRole('menu');
  for (const group of path) {
    const header = menu.getByRole('menuitem', { name: group, exact: true });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    await expect(header).toHaveAttribute('aria-expanded', 'true');
  }
  const scope = path.length ? menu.getByRole('group', { name: path[path.length - 1] }) : menu;
  // Entries of nested groups are their group's.
  await expect(scope.locator(':scope > [role="menuitem"]')).toHaveText(entries);
}

const figures = (page: Page) => page.getByRole('region', { name: 'OAuth Applications', exact: true });
const figure = (page: Page, label: string) => figures(page).getByRole('region', { name: label, exact: true });
const myApplicationsCard = (page: Page) => page.getByRole('region', { name: 'My OAuth Applications', exact: true });

async function openMyApplications(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Profile' }).click();
  await page.getByRole('menuitem', { name: 'My OAuth applications' }).click();
  await expect(page).toHaveURL(/\/admin\/my-oauth-applications$/);
}

test('a user who may only view applications sees them and nothing else, and no request of theirs fails', async ({ browser, playwright }, testInfo) => {
  const { lena, lenasMachine, maxsMachine, oldMachine } = setup;
  // Tokens reach the figures in batches: wait for Lena's two before looking.
  const lenasRequests = await playwright.request.newContext({ baseURL: MARKETPLACE_BASE_URL });
  const lenaApi = await signedInApi(lenasRequests, { username: lena.username, password: PASSWORD });
  await expect.poll(async () => (await lenaApi.get<ApplicationSummaryDto>('/admin/api/oauth-applications/summary')).tokensIssuedToday).toBe(2);
  await lenasRequests.dispose();

  const { page, failed } = await signInAs(browser, lena);
  try {
    await test.step('the dashboard shows the figures of their organization’s applications, and no card they may not open', async () => {
      for (const [label, value] of [['Active', '2'], ['Inactive', '1'], ['Dormant', '0'], ['Tokens issued today', '2']]) {
        await expect(figure(page, label)).toContainText(value);
      }
      for (const card of ['Users', 'Organizations', 'Customer Users']) await expect(page.getByRole('region', { name: card, exact: true })).toHaveCount(0);
      await expect(myApplicationsCard(page)).toContainText('1');
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: testInfo.outputPath('dashboard-application-reader.png'), fullPage: true });
      expect(failed).toEqual([]);
    });

    await test.step('the menu holds only what they may open, and no empty group', async () => {
      await expectMenu(page, [], ['Dashboard', 'System', 'Integrations']);
      await expectMenu(page, ['System'], ['User Management']);
      await expectMenu(page, ['System', 'User Management'], ['OAuth Applications']);
      await expectMenu(page, ['Integrations'], ['Connected Apps']);
    });

    await test.step('Inactive opens the grid on the inactive applications', async () => {
      await page.getByRole('menuitem', { name: 'Dashboard' }).click();
      await figure(page, 'Inactive').getByRole('link').click();
      await expect(page).toHaveURL(/\/admin\/oauth-applications\?/);
      const rows = page.getByRole('table').getByRole('row');
      await expect(rows.filter({ hasText: oldMachine.name })).toBeVisible();
      await expect(rows).toHaveCount(2);
    });

    await test.step('My OAuth applications lists the one acting as them, which opens, with no Create button', async () => {
      await openMyApplications(page);
      const rows = page.getByRole('table').getByRole('row');
      await expect(rows.filter({ hasText: lenasMachine.name })).toBeVisible();
      await expect(rows).toHaveCount(2);
      await expect(page.getByText(maxsMachine.name)).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Create OAuth Application' })).toHaveCount(0);
      await page.screenshot({ path: testInfo.outputPath('my-oauth-applications-application-reader.png'), fullPage: true });
      await rows.filter({ hasText: lenasMachine.name }).click();
      await expect(page).toHaveURL(new RegExp(`/admin/my-oauth-applications/${lenasMachine.id}/show$`));
      await expect(page.getByRole('main').getByText(lenasMachine.clientId)).toBeVisible();
      await expect(page.getByRole('region', { name: 'Usage' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    });

    await test.step('a refused request is asked once, not again and again', async () => {
      const isBogusList = (url: string) => new URL(url).pathname === '/admin/api/oauth-applications' && url.includes('bogus');
      const asked: string[] = [];
      page.on('request', (sent) => {
        if (isBogusList(sent.url())) asked.push(sent.url());
      });
      const refused = page.waitForResponse((response) => isBogusList(response.url()));
      await page.goto(`/admin/oauth-applications?filter=${encodeURIComponent(JSON.stringify({ grant: 'bogus' }))}`);
      expect((await refused).status()).toBe(400);
      // react-query's first retry would come a second after the refusal.
      await page.waitForTimeout(1_500);
      expect(asked).toHaveLength(1);
      expect(failed.splice(0)).toEqual([expect.stringMatching(/^400 GET \/admin\/api\/oauth-applications$/)]);
    });

    expect(failed).toEqual([]);
  } finally {
    await page.context().close();
  }
});

test('a user who may view no application still sees and opens those acting as them', async ({ browser }, testInfo) => {
  const { max, maxsMachine, oldMachine, lenasMachine } = setup;
  const { page, failed } = await signInAs(browser, max);
  try {
    await expect(myApplicationsCard(page)).toContainText('2');
    await expect(figures(page)).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    await expectMenu(page, [], ['Dashboard', 'Integrations']);

    await openMyApplications(page);
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows.filter({ hasText: maxsMachine.name })).toBeVisible();
    await expect(rows.filter({ hasText: oldMachine.name })).toContainText('Inactive');
    await expect(rows).toHaveCount(3);
    await expect(page.getByText(lenasMachine.name)).toHaveCount(0);
    await rows.filter({ hasText: maxsMachine.name }).click();
    await expect(page.getByRole('main').getByText(maxsMachine.clientId)).toBeVisible();
    await expect(page.getByRole('main').getByText(setup.organization.name)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Usage' })).toBeVisible();
    // Listing secrets needs oauth_applications.view, which Max does not hold: the section is not there to fail.
    await expect(page.getByRole('region', { name: 'Client secrets' })).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: testInfo.outputPath('my-oauth-application-user.png'), fullPage: true });
    expect(failed).toEqual([]);
  } finally {
    await page.context().close();
  }
});

test('an application manager creates one acting as themselves from My OAuth applications', async ({ browser }) => {
  const { amy, organization } = setup;
  const { page, failed } = await signInAs(browser, amy);
  const name = `Amy’s machine ${Date.now()}`;
  try {
    await openMyApplications(page);
    await expect(page.getByText('No OAuth applications act as you')).toBeVisible();
    await page.getByRole('link', { name: 'Create OAuth Application' }).first().click();
    await expect(page).toHaveURL(/\/admin\/oauth-applications\/create$/);
    // Amy may not list users: the application acts as her, the one choice offered.
    await expect(page.getByRole('combobox', { name: 'Users' })).toHaveValue('Amy Limitless (you)');
    await expect(page.getByRole('checkbox', { name: 'Client Credentials' })).toBeChecked();
    await page.getByRole('textbox', { name: 'Application Name' }).fill(name);
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    const dialog = page.getByRole('dialog', { name: 'OAuth application created' });
    await expect(dialog).toBeVisible();
    await closeUncopiedCredentials(dialog);
    await expect(page).toHaveURL(/\/admin\/oauth-applications\/\d+\/show$/);
    await expect(page.getByRole('region', { name: 'Client secrets' })).toBeVisible();
    const [created] = await api.get<Array<{ id: number; userId: number; organizationId: number }>>(
      `/admin/api/oauth-applications?filter=${encodeURIComponent(JSON.stringify({ name }))}`,
    );
    applications.push(created.id);
    expect(created).toMatchObject({ userId: amy.id, organizationId: organization.id });

    await openMyApplications(page);
    await expect(page.getByRole('table').getByRole('row').filter({ hasText: name })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
  } finally {
    await page.context().close();
  }
});

test('an administrator still sees every card, group and figure', async ({ browser }, testInfo) => {
  const { page, failed } = await signInAs(browser, { username: ADMIN_USERNAME, firstName: ADMIN_FULL_NAME, lastName: '' }, ADMIN_PASSWORD);
  try {
    const summary = await api.get<ApplicationSummaryDto>('/admin/api/oauth-applications/summary');
    for (const card of ['Users', 'Organizations', 'Customer Users', 'My OAuth Applications']) await expect(page.getByRole('region', { name: card, exact: true })).toBeVisible();
    await expect(figure(page, 'Active')).toContainText(String(summary.active));
    await expect(figure(page, 'Inactive')).toContainText(String(summary.inactive));
    await expect(figure(page, 'Dormant')).toContainText(String(summary.dormant));
    await expect(figure(page, 'Tokens issued today')).toBeVisible();
    await expectMenu(page, [], ['Dashboard', 'System', 'Customers', 'Integrations']);
    await expectMenu(page, ['System'], ['User Management', 'Notifications', 'Audit Log']);
    await expectMenu(page, ['System', 'User Management'], ['Users', 'Roles', 'Organizations', 'OAuth Applications']);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: testInfo.outputPath('dashboard-administrator.png'), fullPage: true });

    await test.step('the Audit Log names recorded memberships by organization and role labels', async () => {
      const { lena, organization, reader } = setup;
      await page.goto(`/admin/audit-events?filter=${encodeURIComponent(JSON.stringify({ action: 'user.created', q: lena.username }))}`);
      await page.getByRole('row').filter({ hasText: lena.username }).getByRole('button', { name: 'Show changes' }).click();
      await expect(page.getByRole('main').getByText(`${organization.name}: ${reader.label}`, { exact: true })).toBeVisible();
      await expect(page.getByRole('main')).not.toContainText('ROLE_');
    });

    await openMyApplications(page);
    await expect(page.getByRole('link', { name: 'Create OAuth Application' }).first()).toBeVisible();
    expect(failed).toEqual([]);
  } finally {
    await page.context().close();
  }
});
