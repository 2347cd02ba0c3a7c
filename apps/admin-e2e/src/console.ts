import { expect, type Locator, type Page } from '@playwright/test';

import { ADMIN_FULL_NAME, ADMIN_PASSWORD, ADMIN_USERNAME } from './fixtures';
import { isPhone } from './viewports';

/**
 * Types a grid's search and waits until it has applied. The search applies after a pause in
 * typing and then replaces the URL: a click or a sort made before that would be undone by it, and
 * the rows alone do not tell, as the unfiltered first page may already show them.
 */
export async function searchGrid(page: Page, field: Locator, text: string): Promise<void> {
  await field.fill(text);
  await expect(page).toHaveURL((url) => url.searchParams.get('filter')?.includes(JSON.stringify(text).slice(1, -1)) ?? false);
}

/** Fills the sign-in page and submits it with Enter, as a keyboard user would. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Password').press('Enter');
}

/** Signs in as the seeded administrator from the sign-in page, and waits for the dashboard's welcome. */
export async function signInAsAdministrator(page: Page): Promise<void> {
  await page.goto('/admin/login');
  await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN_FULL_NAME}` })).toBeVisible();
}

/**
 * Follows a menu path such as System > User Management > Users, opening closed groups on the way
 * (and on a phone the menu's drawer first).
 */
export async function openFromMenu(page: Page, ...path: string[]): Promise<void> {
  if (isPhone(page.viewportSize())) await page.getByRole('button', { name: 'Open menu' }).click();
  const menu = page.getByRole('menu');
  const groups = path.slice(0, -1);
  const destination = path[path.length - 1];
  for (const group of groups) {
    const header = menu.getByRole('menuitem', { name: group, exact: true });
    if ((await header.getAttribute('aria-expanded')) === 'false') {
      await header.click();
    }
    await expect(header).toHaveAttribute('aria-expanded', 'true');
    // The group slides open: a click on an item it still clips was once lost (the phone journey
    // stayed on the dashboard). Whole in view, it has finished opening.
    await expect(menu.getByRole('group', { name: group, exact: true })).toBeInViewport({ ratio: 1 });
  }
  await menu.getByRole('menuitem', { name: destination, exact: true }).click();
}

/**
 * The page below its header, where a record's fields show: the header's breadcrumbs repeat the
 * record's name (react-admin's #main-content holds the header, then the page).
 */
export const pageBody = (page: Page): Locator => page.locator('#main-content > :not(header)');

/** Signs out through react-admin's user menu. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Profile' }).click();
  await page.getByRole('menuitem', { name: 'Logout' }).click();
}

/** Opens a grid row's "More options" menu and picks one of its entries. */
export async function chooseRowAction(row: Locator, action: string): Promise<void> {
  await row.getByRole('button', { name: 'More options' }).click();
  await row.page().getByRole('menuitem', { name: action, exact: true }).click();
}

/** The cell of a grid row under the column of that name, wherever the column is. */
export async function cellUnder(row: Locator, column: string): Promise<Locator> {
  // The headers are read once, so only after the grid has loaded.
  await expect(row).toBeVisible();
  // The row's own table: a page may show several.
  const table = row.locator('xpath=ancestor::table[1]');
  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((text) => text.trim());
  const index = headers.indexOf(column);
  expect(index, `a "${column}" column among ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return row.getByRole('cell').nth(index);
}

/** The theme's error colour (MUI's default error.main, #d32f2f). */
const ERROR_RED = 'rgb(211, 47, 47)';

/**
 * A confirmation before something that cannot be undone: the action's own button in red, no
 * icon on it or on Cancel (react-admin's Confirm adds a tick and a "!"), and Cancel focused so
 * that Enter does no harm.
 */
export async function expectDestructiveConfirm(dialog: Locator, action: string): Promise<void> {
  const confirm = dialog.getByRole('button', { name: action, exact: true });
  const cancel = dialog.getByRole('button', { name: 'Cancel', exact: true });
  await expect(confirm).toHaveCSS('background-color', ERROR_RED);
  await expect(confirm.locator('svg')).toHaveCount(0);
  await expect(cancel.locator('svg')).toHaveCount(0);
  await expect(cancel).toBeFocused();
}
