import AxeBuilder from '@axe-core/playwright';
import type { CreatedOAuthApplicationDto } from '@keyhouse/shared-contracts';
import { expect, type Page, test } from '@playwright/test';

import { signedInApi } from '../src/api';
import { closeUncopiedCredentials, deleteApplicationsNamed, pickAdminAsUser, SECRET_SAVED_QUESTION } from '../src/applications';
import { signIn } from '../src/console';
import { ADMIN_FULL_NAME, ADMIN_PASSWORD, ADMIN_USERNAME, MARKETPLACE_BASE_URL } from '../src/fixtures';

// Its applications go again at the end; the server is the one whose specs expect no fresh database.
test.use({ baseURL: MARKETPLACE_BASE_URL });

const BASE = '/admin/api/oauth-applications';
const PREFIX = `Accessible ${Date.now()}`;
/** What fails the check: axe's impacts "moderate" and above (not "minor"). */
const FAILING_IMPACTS = ['moderate', 'serious', 'critical'];

test.afterAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: MARKETPLACE_BASE_URL });
  try {
    await deleteApplicationsNamed(await signedInApi(request, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }), PREFIX);
  } finally {
    await request.dispose();
  }
});

/** axe-core over the whole page as it stands; each violation named with the elements it found. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const failing = violations
    .filter((violation) => FAILING_IMPACTS.includes(violation.impact ?? ''))
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(failing, `axe on ${what}`).toEqual([]);
}

test('axe finds nothing of moderate impact or more on sign-in, the grid, create, the credentials dialog, show and edit', async ({ page, request }) => {
  // Six pages, each analysed in full: three times the usual limit for a busy machine.
  test.slow();
  const api = await signedInApi(request, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
  // A row for the grid, whatever ran before.
  await api.post<CreatedOAuthApplicationDto>(BASE, {
    name: `${PREFIX} listed`,
    grants: ['client_credentials'],
    userId: api.session.user.id,
    organizationId: api.session.user.organizationIds[0],
  });
  const name = `${PREFIX} created`;

  await test.step('the sign-in page', async () => {
    await page.goto('/admin/login');
    await expect(page.getByRole('main')).toContainText('Sign in to the back-office');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(['Keyhouse']);
    await expectAccessible(page, 'the sign-in page');
    await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
    await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN_FULL_NAME}` })).toBeVisible();
  });

  await test.step('the grid', async () => {
    await page.goto('/admin/oauth-applications');
    await expect(page.getByRole('row').filter({ hasText: `${PREFIX} listed` })).toBeVisible();
    await expectAccessible(page, 'the applications grid');
  });

  await test.step('the create form, filled', async () => {
    await page.getByRole('link', { name: 'Create OAuth Application' }).click();
    await page.getByRole('textbox', { name: 'Application Name', exact: true }).fill(name);
    await page.getByRole('checkbox', { name: 'Client Credentials' }).check();
    await pickAdminAsUser(page);
    await expectAccessible(page, 'the create form');
  });

  const dialog = page.getByRole('dialog', { name: 'OAuth application created' });

  await test.step('the one-time credentials dialog', async () => {
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog.getByRole('textbox', { name: 'Client Secret' })).toHaveValue(/\S{43,}/);
    await expectAccessible(page, 'the credentials dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('dialog', { name: SECRET_SAVED_QUESTION })).toBeVisible();
    await expectAccessible(page, 'the question before an uncopied secret is closed');
    await page.getByRole('button', { name: 'Back to the secret' }).click();
  });

  await test.step('the show page', async () => {
    await closeUncopiedCredentials(dialog);
    await expect(page).toHaveURL(/\/admin\/oauth-applications\/\d+\/show$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText([`OAuth Application ${name}`]);
    await expect(page.getByRole('region', { name: 'Client secrets' })).toBeVisible();
    await expectAccessible(page, 'the show page');
  });

  await test.step('the edit page', async () => {
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(page.getByRole('textbox', { name: 'Application Name', exact: true })).toHaveValue(name);
    await expectAccessible(page, 'the edit page');
  });
});
