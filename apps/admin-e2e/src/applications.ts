import { expect, type Locator, type Page } from '@playwright/test';

import { ADMIN_FULL_NAME, ADMIN_USERNAME } from './fixtures';

/** How the Users autocomplete shows the seeded administrator. */
export const ADMIN_OPTION = `${ADMIN_FULL_NAME} (${ADMIN_USERNAME})`;

/** Follows a "Create OAuth Application" button, on the page or within a block of it. */
export async function openCreatePage(page: Page, from: Page | Locator = page): Promise<void> {
  await from.getByRole('link', { name: 'Create OAuth Application' }).click();
  await expect(page).toHaveURL(/\/admin\/oauth-applications\/create$/);
}

/** Picks the administrator in the Users field of the create form, searching by username. */
export async function pickAdminAsUser(page: Page): Promise<void> {
  const users = page.getByRole('combobox', { name: 'Users' });
  await users.fill(ADMIN_USERNAME);
  await page.getByRole('option', { name: ADMIN_OPTION }).click();
  await expect(users).toHaveValue(ADMIN_OPTION);
}
