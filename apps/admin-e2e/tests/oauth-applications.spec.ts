import { KEYS_MISSING_MESSAGE, type OAuthApplicationDto, type OAuthAvailabilityDto } from '@keyhouse/shared-contracts';
import { expect, type Page, test } from '@playwright/test';

import { signedInApi } from '../src/api';
import { ADMIN_OPTION, closeUncopiedCredentials, openCreatePage, pickAdminAsUser, SECRET_SAVED_QUESTION } from '../src/applications';
import { chooseRowAction, expectDestructiveConfirm, openFromMenu, signIn } from '../src/console';
import { ADMIN_FULL_NAME, ADMIN_PASSWORD, ADMIN_USERNAME } from '../src/fixtures';

const ONE_TIME_NOTICE =
  'For security reasons, the Client Secret is displayed only once. You cannot view it anywhere in the application once you close this dialog, so make sure you save it somewhere safe.';
const DUPLICATE_NAME_MESSAGE = 'An application with this name already exists in this organization.';

// The credentials dialog copies to the clipboard; the test reads it back.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** What the grid story creates; it deletes them again as its last step. */
const STORY_APPLICATIONS = ['Nightly export', 'Partner portal'];

// The story starts from an empty grid: an attempt that failed half-way must not leave its
// applications to a retry or to the specs after it.
test.afterEach(async ({ request }) => {
  const api = await signedInApi(request, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
  const applications = await api.get<OAuthApplicationDto[]>('/admin/api/oauth-applications');
  for (const { id, name } of applications) {
    if (STORY_APPLICATIONS.includes(name)) await api.delete(`/admin/api/oauth-applications/${id}`);
  }
});

async function signInToApplications(page: Page): Promise<void> {
  await page.goto('/admin');
  await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN_FULL_NAME}` })).toBeVisible();
  await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
  await expect(page).toHaveURL(/\/admin\/oauth-applications(\?.*)?$/);
}

test('the create form asks for Users only with Client Credentials and for Redirect URIs only with Authorization Code', async ({
  page,
}) => {
  await signInToApplications(page);
  await openCreatePage(page);

  const clientCredentials = page.getByRole('checkbox', { name: 'Client Credentials' });
  const authorizationCode = page.getByRole('checkbox', { name: 'Authorization Code' });
  const users = page.getByRole('combobox', { name: 'Users' });
  const redirectUri = page.getByRole('textbox', { name: 'Redirect URI', exact: true });
  const publicClient = page.getByRole('checkbox', { name: 'Public client' });
  const firstParty = page.getByRole('checkbox', { name: 'First-party application' });
  const installUrl = page.getByRole('textbox', { name: 'Install URL' });
  const listed = page.getByRole('checkbox', { name: 'Listed in the marketplace' });

  await test.step('a fresh form: active back-office application, no grant, no grant-specific field', async () => {
    await expect(page.getByRole('checkbox', { name: 'Active' })).toBeChecked();
    await expect(page.getByRole('radio', { name: 'Back-office' })).toBeChecked();
    await expect(clientCredentials).not.toBeChecked();
    await expect(users).toHaveCount(0);
    await expect(redirectUri).toHaveCount(0);
    await expect(publicClient).toHaveCount(0);
    await expect(installUrl).toHaveCount(0);
  });

  await test.step('Client Credentials brings the Users field, searchable by name', async () => {
    await clientCredentials.check();
    await expect(users).toBeVisible();
    await expect(redirectUri).toHaveCount(0);
    await pickAdminAsUser(page);
  });

  await test.step('Authorization Code brings Redirect URIs and its install settings; a public client needs it alone', async () => {
    await authorizationCode.check();
    await expect(redirectUri).toBeVisible();
    await expect(firstParty).not.toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Allow plain PKCE' })).not.toBeChecked();
    await expect(installUrl).toHaveValue('');
    await expect(listed).not.toBeChecked();
    // Organizations install back-office applications only.
    await page.getByRole('radio', { name: 'Storefront' }).check();
    await expect(listed).toHaveCount(0);
    await page.getByRole('radio', { name: 'Back-office' }).check();
    await expect(listed).toBeVisible();
    await expect(publicClient).toHaveCount(0);
    await clientCredentials.uncheck();
    await expect(users).toHaveCount(0);
    await expect(publicClient).toBeVisible();
    await authorizationCode.uncheck();
    await expect(redirectUri).toHaveCount(0);
    await expect(publicClient).toHaveCount(0);
    await expect(firstParty).toHaveCount(0);
    await expect(installUrl).toHaveCount(0);
    await expect(listed).toHaveCount(0);
  });

  await test.step('a redirect URI and an install URL the server refuses are explained at their fields', async () => {
    await page.getByRole('textbox', { name: 'Application Name', exact: true }).fill('Storefront app');
    await authorizationCode.check();
    await redirectUri.fill('https://app.example.com/callback#section');
    await installUrl.fill('http://app.example.com/install?organization={organization}');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page.getByText(/Redirect URI 1 .*fragment/)).toBeVisible();
    await expect(installUrl).toHaveAccessibleDescription(/^The install URL must use https/);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
});

test('an administrator creates OAuth applications, copies the one-time secret and manages them from the grid', async ({
  page,
}, testInfo) => {
  // One story from creation to deletion, each step building on the last.
  await signInToApplications(page);
  const grid = page.getByRole('table');
  const nightlyRow = grid.getByRole('row').filter({ hasText: 'Nightly export' });
  const partnerRow = grid.getByRole('row').filter({ hasText: 'Partner portal' });
  let secret = '';
  let applicationUrl = '';

  await test.step('with signing keys in place there is no warning, and no application yet', async () => {
    const availability = await page.request.get('/admin/api/system/oauth');
    expect(((await availability.json()) as OAuthAvailabilityDto).available).toBe(true);
    await expect(page.getByText('No OAuth applications yet')).toBeVisible();
    await expect(page.getByText(KEYS_MISSING_MESSAGE)).toHaveCount(0);
  });

  await test.step('create a client-credentials application acting as the administrator', async () => {
    await openCreatePage(page);
    await page.getByRole('textbox', { name: 'Application Name', exact: true }).fill('Nightly export');
    await page.getByRole('checkbox', { name: 'Client Credentials' }).check();
    await pickAdminAsUser(page);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
  });

  const dialog = page.getByRole('dialog', { name: 'OAuth application created' });

  await test.step('the dialog shows the credentials once and copies the secret', async () => {
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(ONE_TIME_NOTICE);
    await expect(dialog.getByRole('textbox', { name: 'Client ID' })).toHaveValue(/^\S+$/);
    secret = await dialog.getByRole('textbox', { name: 'Client Secret' }).inputValue();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43,}$/);

    await dialog.getByRole('button', { name: 'Copy Client Secret' }).click();
    await expect(page.getByText('Copied')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await page.screenshot({ path: testInfo.outputPath('oauth-credentials-dialog.png') });
  });

  await test.step('once closed, the secret is nowhere: not on the page, not in storage, not in any answer', async () => {
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/admin\/oauth-applications\/\d+\/show$/);
    await expect(page.getByRole('main')).toContainText('Nightly export');
    applicationUrl = new URL(page.url()).pathname.replace('/admin/', '/admin/api/').replace(/\/show$/, '');

    expect(await page.content()).not.toContain(secret);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toContain(secret);
    for (const url of ['/admin/api/oauth-applications', applicationUrl]) {
      const answer = await page.request.get(url);
      expect(answer.ok()).toBe(true);
      expect(await answer.text()).toContain('Nightly export');
      expect(await answer.text()).not.toContain(secret);
    }
  });

  await test.step('regenerating the secret asks first, then shows the new one once; closing it uncopied asks again', async () => {
    await page.getByRole('button', { name: 'Regenerate secret' }).click();
    const confirm = page.getByRole('dialog', { name: 'Regenerate the client secret' });
    await expect(confirm).toContainText('stops working immediately');
    await expectDestructiveConfirm(confirm, 'Regenerate');
    await confirm.getByRole('button', { name: 'Regenerate' }).click();
    const regenerated = page.getByRole('dialog', { name: 'Client secret regenerated' });
    await expect(regenerated).toContainText(ONE_TIME_NOTICE);
    const newSecret = await regenerated.getByRole('textbox', { name: 'Client Secret' }).inputValue();
    expect(newSecret).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(newSecret).not.toBe(secret);

    const question = page.getByRole('dialog', { name: SECRET_SAVED_QUESTION });
    await page.keyboard.press('Escape');
    await expect(question).toContainText('You cannot view it again once you close this dialog.');
    await question.getByRole('button', { name: 'Back to the secret' }).click();
    await expect(question).toBeHidden();
    await expect(regenerated.getByRole('textbox', { name: 'Client Secret' })).toHaveValue(newSecret);
    await regenerated.getByRole('button', { name: 'Close' }).click();
    await expect(question).toBeVisible();
    await question.getByRole('button', { name: 'Close' }).click();
    await expect(question).toBeHidden();
    await expect(regenerated).toBeHidden();
    expect(await page.content()).not.toContain(newSecret);
    await page.screenshot({ path: testInfo.outputPath('oauth-application-show.png'), fullPage: true });
  });

  await test.step('the administrator\'s user page lists it and starts the next one prefilled', async () => {
    await openFromMenu(page, 'System', 'User Management', 'Users');
    await page.getByRole('cell', { name: ADMIN_USERNAME, exact: true }).click();
    const block = page.getByRole('region', { name: 'OAuth Applications' });
    await expect(block.getByRole('row').filter({ hasText: 'Nightly export' })).toBeVisible();
    await expect(block.getByText(KEYS_MISSING_MESSAGE)).toHaveCount(0);

    await openCreatePage(page, block);
    await expect(page.getByRole('checkbox', { name: 'Client Credentials' })).toBeChecked();
    await expect(page.getByRole('combobox', { name: 'Users' })).toHaveValue(ADMIN_OPTION);
    await page.getByRole('textbox', { name: 'Application Name', exact: true }).fill('Partner portal');
    await page.getByRole('checkbox', { name: 'Password' }).check();
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog).toBeVisible();
    await closeUncopiedCredentials(dialog);
    await expect(page).toHaveURL(/\/admin\/oauth-applications\/\d+\/show$/);
  });

  await test.step('editing sends only what may change, and the server\'s refusal shows at its field', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    const name = page.getByRole('textbox', { name: 'Application Name', exact: true });
    await expect(name).toHaveValue('Partner portal');
    await name.fill('Nightly export');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(name).toHaveAccessibleDescription(DUPLICATE_NAME_MESSAGE);

    await name.fill('Partner portal');
    const scopes = page.getByRole('combobox', { name: 'Scopes' });
    await scopes.fill('orders:read');
    await scopes.press('Enter');
    await page.getByRole('spinbutton', { name: 'Access token lifetime (seconds)' }).fill('900');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(/\/admin\/oauth-applications\/\d+\/show$/);
    const main = page.getByRole('main');
    await expect(main).toContainText('orders:read');
    await expect(main).toContainText('900 seconds');
  });

  await test.step('a second application of the same name is refused at the name field', async () => {
    await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
    await openCreatePage(page);
    const name = page.getByRole('textbox', { name: 'Application Name', exact: true });
    await name.fill('Nightly export');
    await page.getByRole('checkbox', { name: 'Password' }).check();
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(DUPLICATE_NAME_MESSAGE);
    await expect(dialog).toHaveCount(0);
  });

  await test.step('the grid shows both, Oro\'s columns first', async () => {
    // The refused form still holds what was typed: leaving it asks first, and the answer is to leave.
    page.once('dialog', (question) => void question.accept());
    await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
    for (const column of ['Application Name', 'Client ID', 'Active', 'Grant Type', 'Users', 'Last Used At']) {
      await expect(grid.getByRole('columnheader', { name: column })).toBeVisible();
    }
    await expect(nightlyRow).toContainText('Client Credentials');
    await expect(nightlyRow).toContainText(ADMIN_FULL_NAME);
    await expect(nightlyRow).toContainText('Never');
    await expect(partnerRow).toContainText('Password');
    await page.screenshot({ path: testInfo.outputPath('oauth-applications-grid.png'), fullPage: true });
  });

  await test.step('deactivate (after confirming) and activate again from the row menu', async () => {
    await expect(nightlyRow.getByText('Active', { exact: true })).toBeVisible();
    await chooseRowAction(nightlyRow, 'Deactivate');
    const confirm = page.getByRole('dialog', { name: 'Deactivate OAuth application' });
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await expect(confirm).toBeHidden();
    await expect(nightlyRow.getByText('Inactive', { exact: true })).toBeVisible();

    await chooseRowAction(nightlyRow, 'Activate');
    await expect(nightlyRow.getByText('Active', { exact: true })).toBeVisible();
  });

  await test.step('filter by name, status and grant type', async () => {
    const search = page.getByRole('textbox', { name: 'Application name', exact: true });
    await search.fill('nightly');
    await expect(nightlyRow).toBeVisible();
    await expect(partnerRow).toHaveCount(0);
    await search.clear();
    await expect(partnerRow).toBeVisible();

    await chooseRowAction(partnerRow, 'Deactivate');
    await page.getByRole('dialog', { name: 'Deactivate OAuth application' }).getByRole('button', { name: 'Deactivate' }).click();
    await expect(partnerRow.getByText('Inactive', { exact: true })).toBeVisible();
    const status = page.getByRole('combobox', { name: 'Status' });
    await status.click();
    await page.getByRole('option', { name: 'Inactive' }).click();
    await expect(partnerRow).toBeVisible();
    await expect(nightlyRow).toHaveCount(0);
    await status.click();
    await page.getByRole('option', { name: 'Active', exact: true }).click();
    await expect(nightlyRow).toBeVisible();
    await expect(partnerRow).toHaveCount(0);
    await status.click();
    await page.getByRole('option', { name: 'Any' }).click();

    const grantType = page.getByRole('combobox', { name: 'Grant Type' });
    await grantType.click();
    await page.getByRole('option', { name: 'Password' }).click();
    await expect(partnerRow).toBeVisible();
    await expect(nightlyRow).toHaveCount(0);
    await grantType.click();
    // react-admin names the empty choice after what it does.
    await page.getByRole('option', { name: 'Clear value' }).click();
    await expect(nightlyRow).toBeVisible();
  });

  await test.step('delete both after confirming: the grid is empty again', async () => {
    for (const row of [nightlyRow, partnerRow]) {
      await chooseRowAction(row, 'Delete');
      const confirm = page.getByRole('dialog', { name: 'Delete OAuth application' });
      await expectDestructiveConfirm(confirm, 'Delete');
      await confirm.getByRole('button', { name: 'Delete' }).click();
      await expect(confirm).toBeHidden();
      await expect(row).toHaveCount(0);
    }
    await expect(page.getByText('No OAuth applications yet')).toBeVisible();
    expect((await page.request.get(applicationUrl)).status()).toBe(404);
  });
});
