import { KEYS_MISSING_MESSAGE } from '@keyhouse/shared-contracts';
import { expect, test } from '@playwright/test';

import { openCreatePage } from '../src/applications';
import { openFromMenu, signIn } from '../src/console';
import { ADMIN_FULL_NAME, ADMIN_PASSWORD, ADMIN_USERNAME, NO_KEYS_BASE_URL } from '../src/fixtures';

// The API on this port has no key pair and may not generate one (playwright.config.ts).
test.use({ baseURL: NO_KEYS_BASE_URL });

test('without signing keys the console warns wherever OAuth applications are managed', async ({ page }, testInfo) => {
  await page.goto('/admin');
  await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN_FULL_NAME}` })).toBeVisible();

  await test.step('on the OAuth Applications grid', async () => {
    await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
    await expect(page.getByRole('alert').filter({ hasText: KEYS_MISSING_MESSAGE })).toHaveText(KEYS_MISSING_MESSAGE);
  });

  await test.step('on the create form, before any application is made', async () => {
    await openCreatePage(page);
    await expect(page.getByRole('textbox', { name: 'Application Name', exact: true })).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: KEYS_MISSING_MESSAGE })).toHaveText(KEYS_MISSING_MESSAGE);
  });

  await test.step("in the OAuth Applications block of the administrator's user page", async () => {
    await openFromMenu(page, 'System', 'User Management', 'Users');
    await page.getByRole('cell', { name: ADMIN_USERNAME, exact: true }).click();
    const block = page.getByRole('region', { name: 'OAuth Applications' });
    await expect(block.getByRole('alert')).toHaveText(KEYS_MISSING_MESSAGE);
    await expect(block).toContainText('No OAuth applications act as this user.');
    await page.screenshot({ path: testInfo.outputPath('keys-missing-user-page.png'), fullPage: true });
  });
});
