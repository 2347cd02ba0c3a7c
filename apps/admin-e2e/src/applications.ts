import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { expect, type Locator, type Page } from '@playwright/test';

import type { ConsoleApi } from './api';
import { ADMIN_FULL_NAME, ADMIN_USERNAME } from './fixtures';

const APPLICATIONS = '/admin/api/oauth-applications';

/** The applications whose name contains `part`, as the grid's search finds them. */
export function applicationsNamed(api: ConsoleApi, part: string): Promise<OAuthApplicationDto[]> {
  return api.get<OAuthApplicationDto[]>(`${APPLICATIONS}?filter=${encodeURIComponent(JSON.stringify({ name: part }))}`);
}

/** Deletes what a spec made under its own prefix, passed or failed, so that a retry or the next spec starts clean. */
export async function deleteApplicationsNamed(api: ConsoleApi, part: string): Promise<void> {
  for (const { id } of await applicationsNamed(api, part)) await api.delete(`${APPLICATIONS}/${id}`);
}

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

/** The question the one-time credentials dialog asks when it is closed before the secret was copied. */
export const SECRET_SAVED_QUESTION = 'Have you saved the Client Secret?';

/** Closes the one-time credentials dialog without copying the secret: its Close, then the question's. */
export async function closeUncopiedCredentials(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.page().getByRole('dialog', { name: SECRET_SAVED_QUESTION }).getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}
