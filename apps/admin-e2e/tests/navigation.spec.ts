import type { CreatedOAuthApplicationDto, CustomerUserDto, OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';

import { type ConsoleApi, signedInApi } from '../src/api';
import { cellUnder, searchGrid, signInAsAdministrator } from '../src/console';
import { ADMIN_FULL_NAME, ADMIN_PASSWORD, ADMIN_USERNAME, MARKETPLACE_BASE_URL } from '../src/fixtures';
import { focusRing } from '../src/focus';

// Customer users cannot be deleted: they go to the server whose specs expect no fresh database.
test.use({ baseURL: MARKETPLACE_BASE_URL });

const BASE = '/admin/api/oauth-applications';
/** Names no other spec uses, so that a name search shows these rows alone. */
const PREFIX = `Wayfinding ${Date.now()}`;

let request: APIRequestContext;
let api: ConsoleApi;
let organizationId: number;
/** Sorted by name: "never" < "newer" < "older". */
let never: CreatedOAuthApplicationDto;
let newer: CreatedOAuthApplicationDto;
let older: CreatedOAuthApplicationDto;

/** Asks for a client_credentials token as a client would, then waits until the console shows the use. */
async function useApplication(application: CreatedOAuthApplicationDto): Promise<void> {
  const basic = Buffer.from(`${application.clientId}:${application.clientSecret}`).toString('base64');
  const answer = await request.post('/oauth2-token', { form: { grant_type: 'client_credentials' }, headers: { authorization: `Basic ${basic}` } });
  expect(answer.status()).toBe(200);
  // "Last used" is written in batches, every two seconds.
  await expect.poll(async () => (await api.get<OAuthApplicationDto>(`${BASE}/${application.id}`)).lastUsedAt).not.toBeNull();
}

test.beforeAll(async ({ playwright }) => {
  request = await playwright.request.newContext({ baseURL: MARKETPLACE_BASE_URL });
  const signedIn = await signedInApi(request, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
  api = signedIn;
  organizationId = signedIn.session.user.organizationIds[0] as number;
  const acting = { grants: ['client_credentials'], userId: signedIn.session.user.id, organizationId };
  never = await api.post<CreatedOAuthApplicationDto>(BASE, { name: `${PREFIX} never`, grants: ['password'], organizationId });
  older = await api.post<CreatedOAuthApplicationDto>(BASE, { name: `${PREFIX} older`, ...acting });
  newer = await api.post<CreatedOAuthApplicationDto>(BASE, { name: `${PREFIX} newer`, ...acting });
  await useApplication(older);
  await useApplication(newer);
});

test.afterAll(async () => {
  try {
    for (const application of [never, older, newer]) if (application) await api.delete(`${BASE}/${application.id}`);
  } finally {
    await request.dispose();
  }
});

const breadcrumbs = (page: Page) => page.getByRole('navigation', { name: 'Breadcrumb' });
const pageHeading = (page: Page) => page.getByRole('heading', { level: 1 });

/** The grid of the applications made here, in the order given (react-admin's URL holds it). */
async function openApplicationsGrid(page: Page): Promise<Locator> {
  await page.goto('/admin/oauth-applications');
  await searchGrid(page, page.getByRole('textbox', { name: 'Application name', exact: true }), PREFIX);
  const rows = page.getByRole('table').getByRole('row').filter({ hasText: PREFIX });
  await expect(rows).toHaveCount(3);
  return rows;
}

test('a deep link opens its menu group; breadcrumbs, one h1 and the tab title name every page', async ({ page }) => {
  const menu = page.getByRole('menu');
  const group = (label: string) => menu.getByRole('menuitem', { name: label, exact: true });
  const name = never.name;

  await test.step('signed in, the groups start closed and the tab says Dashboard', async () => {
    await page.goto('/admin/login');
    await expect(page).toHaveTitle('Sign in — Keyhouse');
    await signInAsAdministrator(page);
    await expect(page).toHaveTitle('Dashboard — Keyhouse');
    await expect(pageHeading(page)).toHaveText(['Dashboard']);
    await expect(group('System')).toHaveAttribute('aria-expanded', 'false');
  });

  await test.step('a link to an application opens System > User Management and names the application', async () => {
    await page.goto(`/admin/oauth-applications/${never.id}/show`);
    await expect(group('System')).toHaveAttribute('aria-expanded', 'true');
    await expect(group('User Management')).toHaveAttribute('aria-expanded', 'true');
    await expect(menu.getByRole('menuitem', { name: 'OAuth Applications', exact: true })).toBeVisible();
    await expect(group('Customers')).toHaveAttribute('aria-expanded', 'false');
    await expect(breadcrumbs(page).getByRole('listitem')).toHaveText(['System', 'User Management', 'OAuth Applications', name]);
    await expect(page).toHaveTitle(`${name} — OAuth Applications — Keyhouse`);
    await expect(pageHeading(page)).toHaveText([`OAuth Application ${name}`]);
  });

  await test.step('its edit page adds a step, the application one of the links back', async () => {
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/oauth-applications/${never.id}$`));
    await expect(breadcrumbs(page).getByRole('listitem')).toHaveText(['System', 'User Management', 'OAuth Applications', name, 'Edit']);
    await expect(page).toHaveTitle(`Edit ${name} — OAuth Applications — Keyhouse`);
    await expect(pageHeading(page)).toHaveCount(1);
    await breadcrumbs(page).getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/oauth-applications/${never.id}/show$`));
  });

  await test.step('the list step leads to the grid, which names itself', async () => {
    await breadcrumbs(page).getByRole('link', { name: 'OAuth Applications' }).click();
    await expect(page).toHaveURL(/\/admin\/oauth-applications(\?.*)?$/);
    await expect(breadcrumbs(page).getByRole('listitem')).toHaveText(['System', 'User Management', 'OAuth Applications']);
    await expect(page).toHaveTitle('OAuth Applications — Keyhouse');
    await expect(pageHeading(page)).toHaveText(['OAuth Applications']);
  });

  await test.step('the create page', async () => {
    await page.getByRole('link', { name: 'Create OAuth Application' }).click();
    await expect(breadcrumbs(page).getByRole('listitem')).toHaveText(['System', 'User Management', 'OAuth Applications', 'Create']);
    await expect(page).toHaveTitle('Create OAuth Application — OAuth Applications — Keyhouse');
    await expect(pageHeading(page)).toHaveText(['Create OAuth Application']);
  });

  await test.step('a link into another group opens that one', async () => {
    await page.goto('/admin/customer-users');
    await expect(group('Customers')).toHaveAttribute('aria-expanded', 'true');
    await expect(breadcrumbs(page).getByRole('listitem')).toHaveText(['Customers', 'Customer Users']);
    await expect(page).toHaveTitle('Customer Users — Keyhouse');
  });
});

test('grid rows open with a click and with the keyboard (Tab, Enter), focus drawn as a ring of 3:1 or more', async ({ page }) => {
  await signInAsAdministrator(page);

  await test.step('on the navy app bar the ring is light', async () => {
    // The first stop is "Skip to content", the second the bar's menu button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const ring = await focusRing(page);
    expect(ring.element).toContain('menu');
    expect(ring.outlineStyle).toBe('solid');
    expect(ring.contrast).toBeGreaterThanOrEqual(3);
  });

  await test.step('a click on a row opens its application', async () => {
    const rows = await openApplicationsGrid(page);
    await (await cellUnder(rows.filter({ hasText: older.name }), 'Application Name')).click();
    await expect(page).toHaveURL(new RegExp(`/admin/oauth-applications/${older.id}/show$`));
  });

  await test.step('Tab reaches the first row, which shows a ring; Enter opens it', async () => {
    const rows = await openApplicationsGrid(page);
    const first = rows.first();
    await expect(first).toContainText(never.name);
    const firstHasFocus = () => first.evaluate((row) => row === document.activeElement);
    // From the name search through the other filters, the Create button and the sort buttons.
    for (let stops = 0; stops < 30 && !(await firstHasFocus()); stops++) await page.keyboard.press('Tab');
    expect(await firstHasFocus(), 'the first row takes the focus').toBe(true);
    const ring = await focusRing(page);
    expect(ring.outlineStyle).toBe('solid');
    expect(ring.outlineWidth).toBeGreaterThanOrEqual(2);
    expect(ring.contrast).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/admin/oauth-applications/${never.id}/show$`));
  });
});

test('the grid sorts by last use (most recent first on the first click), grant type and users', async ({ page }) => {
  await signInAsAdministrator(page);
  const rows = await openApplicationsGrid(page);
  const names = async () => (await rows.allInnerTexts()).map((text) => ['never', 'newer', 'older'].find((suffix) => text.includes(`${PREFIX} ${suffix}`)));
  const sortBy = async (column: string) => {
    await page.getByRole('columnheader', { name: column }).getByRole('button').click();
  };

  await sortBy('Last Used At');
  await expect(page).toHaveURL(/sort=lastUsedAt/);
  await expect.poll(names).toEqual(['newer', 'older', 'never']);

  await sortBy('Grant Type');
  await expect(page).toHaveURL(/sort=grants/);
  await expect.poll(names).toEqual(['newer', 'older', 'never']);

  await sortBy('Users');
  await expect(page).toHaveURL(/sort=owner.name/);
  // No user first, then the administrator's two by name.
  await expect.poll(names).toEqual(['never', 'newer', 'older']);
});

test('an organization’s page lists its applications, which open from there', async ({ page }) => {
  await signInAsAdministrator(page);
  await page.goto(`/admin/organizations/${organizationId}/show`);
  const block = page.getByRole('region', { name: 'OAuth Applications' });
  const row = block.getByRole('row').filter({ hasText: older.name });
  // The page loads four lists one after the other (users, customer users, the keys' state, applications).
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(await cellUnder(row, 'Users')).toHaveText(ADMIN_FULL_NAME);
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/admin/oauth-applications/${older.id}/show$`));
});

test('a customer user’s email in the grid opens their record, not the mail client', async ({ page }) => {
  const email = `wayfinder.${Date.now()}@example.com`;
  const customer = await api.post<CustomerUserDto>('/admin/api/customer-users', {
    email,
    password: 'Wayfinder-passw0rd!',
    organizationId,
    firstName: 'Wanda',
    lastName: 'Finder',
  });
  await signInAsAdministrator(page);
  await page.goto('/admin/customer-users');
  await searchGrid(page, page.getByRole('textbox', { name: 'Email or name', exact: true }), email);
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row.locator('a[href^="mailto:"]')).toHaveCount(0);
  await row.getByRole('cell', { name: email }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/customer-users/${customer.id}/show$`));
});
