import type { CreatedOAuthApplicationDto, CustomerUserDto, InstalledAppDto, OAuthInstallationDto } from '@keyhouse/shared-contracts';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';

import { type ConsoleApi, signedInApi } from '../src/api';
import { openFromMenu, pageBody, signIn } from '../src/console';
import { ADMIN_FULL_NAME, ADMIN_PASSWORD, ADMIN_USERNAME, MARKETPLACE_BASE_URL } from '../src/fixtures';
import { PHONE } from '../src/viewports';

// A customer user cannot be deleted: the rows go to the server whose specs expect no fresh database.
test.use({ baseURL: MARKETPLACE_BASE_URL, viewport: PHONE });

const BASE = '/admin/api/oauth-applications';
/** Names no other spec uses, so that a name search shows these rows alone. */
const PREFIX = `Pocket ${Date.now()}`;

let request: APIRequestContext;
let api: ConsoleApi;
let acting: CreatedOAuthApplicationDto;
let installable: CreatedOAuthApplicationDto;
let installation: OAuthInstallationDto | undefined;
let customer: CustomerUserDto;

// A row in every list the administrator opens: an application acting as them (its creation is
// audited and emailed), an installed app, a customer user.
test.beforeAll(async ({ playwright }) => {
  request = await playwright.request.newContext({ baseURL: MARKETPLACE_BASE_URL });
  const signedIn = await signedInApi(request, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
  api = signedIn;
  const organizationId = signedIn.session.user.organizationIds[0];
  acting = await api.post(BASE, { name: `${PREFIX} acting`, grants: ['client_credentials'], userId: signedIn.session.user.id, organizationId });
  installable = await api.post(BASE, {
    name: `${PREFIX} installable`,
    grants: ['authorization_code'],
    redirectUris: ['https://pocket.example.com/callback'],
    organizationId,
  });
  await api.post<InstalledAppDto>('/admin/api/apps/installed', { integrationName: installable.slug });
  const filter = encodeURIComponent(JSON.stringify({ applicationId: installable.id }));
  [installation] = await api.get<OAuthInstallationDto[]>(`/admin/api/oauth-installations?filter=${filter}`);
  customer = await api.post('/admin/api/customer-users', {
    organizationId,
    email: `pocket.${Date.now()}@example.com`,
    firstName: 'Pia',
    lastName: 'Pocket',
    password: `Pocket-${Date.now()}-e2e!`,
  });
});

test.afterAll(async () => {
  try {
    if (installation) await api.delete(`/admin/api/oauth-installations/${installation.id}`);
    for (const application of [acting, installable]) if (application) await api.delete(`${BASE}/${application.id}`);
  } finally {
    await request.dispose();
  }
});

/** Fully on screen, scrolled to if need be: reachable without scrolling sideways. */
async function expectReachable(locator: Locator): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  await expect(locator).toBeInViewport({ ratio: 1 });
}

/** The page is no wider than the phone: nothing to scroll sideways to. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'the page width').toBeLessThanOrEqual(PHONE.width);
}

/** react-admin's pagination, its range of records ("1-3 of 3"). */
const pagination = (page: Page) => pageBody(page).getByText(/^\d+-\d+ of \d+$/);

/** A row of a list shown on a phone, by a text it shows. */
const phoneRow = (page: Page, text: string) => pageBody(page).getByRole('listitem').filter({ hasText: text });

interface PhoneList {
  /** The menu path to the list; under the user menu when it is one entry. */
  menu: string[];
  /** The Create button's name, where the administrator may create. */
  create?: string;
  /** A filter that keeps `row` in view, as the list's URL holds it. */
  filter?: () => object;
  /** A text of a row the list shows. */
  row: () => string;
  /** Uses the row's action: checks it is there and does what it says, then leaves the list as it was. */
  act(row: Locator, page: Page): Promise<void>;
}

/** The row is a link to its record's page; then back to the list. */
const opensRecord = (path: RegExp) => async (row: Locator, page: Page) => {
  const link = row.getByRole('link');
  await expectReachable(link);
  await link.click();
  await expect(page).toHaveURL(path);
  await page.goBack();
};

const LISTS: PhoneList[] = [
  {
    menu: ['System', 'User Management', 'OAuth Applications'],
    create: 'Create OAuth Application',
    filter: () => ({ name: PREFIX }),
    row: () => acting.name,
    async act(row, page) {
      const more = row.getByRole('button', { name: 'More options' });
      await expectReachable(more);
      await more.click();
      // The menu's drawer is closed: the one menu is the row's.
      const menu = page.getByRole('menu');
      for (const item of ['View', 'Edit', 'Deactivate', 'Delete']) await expectReachable(menu.getByRole('menuitem', { name: item, exact: true }));
      await page.keyboard.press('Escape');
      await expect(menu).toBeHidden();
      await opensRecord(/\/oauth-applications\/\d+\/show$/)(row, page);
    },
  },
  {
    menu: ['System', 'User Management', 'Users'],
    create: 'Create User',
    row: () => ADMIN_USERNAME,
    act: opensRecord(/\/users\/\d+\/show$/),
  },
  {
    menu: ['Customers', 'Customer Users'],
    create: 'Create Customer User',
    filter: () => ({ q: customer.email }),
    row: () => customer.email,
    act: opensRecord(/\/customer-users\/\d+\/show$/),
  },
  {
    menu: ['System', 'User Management', 'Organizations'],
    create: 'Create Organization',
    row: () => 'Default Organization',
    act: opensRecord(/\/organizations\/\d+\/show$/),
  },
  {
    menu: ['System', 'User Management', 'Roles'],
    create: 'Create Role',
    row: () => 'ROLE_ADMINISTRATOR',
    act: opensRecord(/\/roles\/\d+\/show$/),
  },
  {
    menu: ['System', 'Notifications', 'Emails'],
    // Newest first: the creation of the application acting as the administrator told them.
    row: () => 'OAuth application added to your account',
    act: opensRecord(/\/emails\/\d+\/show$/),
  },
  {
    menu: ['System', 'Audit Log'],
    filter: () => ({ q: acting.name }),
    row: () => acting.name,
    async act(row) {
      const toggle = row.getByRole('button', { name: 'Show changes' });
      await expectReachable(toggle);
      const panel = row.page().locator(`#${await toggle.getAttribute('aria-controls')}`);
      await toggle.click();
      await expect(panel).toBeVisible();
      await row.getByRole('button', { name: 'Hide changes' }).click();
      await expect(panel).toHaveCount(0);
    },
  },
  {
    menu: ['System', 'Notifications', 'Email Templates'],
    create: 'Add translation',
    row: () => 'Application created',
    act: opensRecord(/\/email-templates\/\d+$/),
  },
  {
    menu: ['System', 'Notifications', 'Notification Rules'],
    row: () => 'Application created',
    act: opensRecord(/\/notification-rules\/\d+$/),
  },
  {
    menu: ['Integrations', 'Installed Apps'],
    create: 'Install app',
    row: () => installable.name,
    async act(row, page) {
      const uninstall = row.getByRole('button', { name: 'Uninstall' });
      await expectReachable(uninstall);
      await uninstall.click();
      const confirm = page.getByRole('dialog');
      await expectReachable(confirm.getByRole('button', { name: 'Cancel' }));
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await expect(confirm).toBeHidden();
    },
  },
  {
    menu: ['My OAuth applications'],
    create: 'Create OAuth Application',
    row: () => acting.name,
    act: opensRecord(/\/my-oauth-applications\/\d+\/show$/),
  },
];

test('at 390×844 every list fits the screen, with its Create button, its pagination and each row\'s actions at hand', async ({ page }) => {
  // Eleven lists, each opened, searched and acted on: three times the usual limit for a busy machine.
  test.slow();
  await page.goto('/admin');
  await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN_FULL_NAME}` })).toBeVisible();

  for (const list of LISTS) {
    const title = list.menu[list.menu.length - 1];
    await test.step(title, async () => {
      if (list.menu.length > 1) {
        await openFromMenu(page, ...list.menu);
      } else {
        await page.getByRole('button', { name: 'Profile' }).click();
        await page.getByRole('menuitem', { name: title }).click();
      }
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title, { ignoreCase: true });
      if (list.filter) {
        await page.goto(`${new URL(page.url()).pathname}?filter=${encodeURIComponent(JSON.stringify(list.filter()))}`);
      }
      const row = phoneRow(page, list.row()).first();
      await expect(row).toBeVisible();
      await expectNoSidewaysScroll(page);
      // No grid: a phone has no room for its columns.
      await expect(pageBody(page).getByRole('table')).toHaveCount(0);
      if (list.create) await expect(page.getByRole('link', { name: list.create }).or(page.getByRole('button', { name: list.create }))).toBeInViewport();
      await expectReachable(pagination(page));
      await list.act(row, page);
      await expectNoSidewaysScroll(page);
    });
  }
});
