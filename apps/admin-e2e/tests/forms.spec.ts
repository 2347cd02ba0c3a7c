import type { CreatedOAuthApplicationDto, MeDto, OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { expect, type Page, test } from '@playwright/test';

import { type ConsoleApi, consoleApi, signedInApi } from '../src/api';
import { applicationsNamed, deleteApplicationsNamed, openCreatePage } from '../src/applications';
import { openFromMenu, signInAsAdministrator } from '../src/console';
import { ADMIN_PASSWORD, ADMIN_USERNAME, MARKETPLACE_BASE_URL } from '../src/fixtures';

// On the server whose specs expect no fresh database; the clipboard is read back.
test.use({ baseURL: MARKETPLACE_BASE_URL, permissions: ['clipboard-read', 'clipboard-write'] });

const BASE = '/admin/api/oauth-applications';
/** Names no other spec uses; whatever an attempt leaves is deleted after it. */
const PREFIX = 'Forms';

test.afterEach(async ({ request }) => {
  await deleteApplicationsNamed(await signedInApi(request, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }), PREFIX);
});

/** Signed in as the administrator, with the page's session for API calls. */
async function signInWithApi(page: Page): Promise<ConsoleApi> {
  await signInAsAdministrator(page);
  return consoleApi(page);
}

/** A client-credentials application acting as the administrator, made through the API. */
async function createApplication(api: ConsoleApi): Promise<CreatedOAuthApplicationDto> {
  const me = await api.get<MeDto>('/admin/api/me');
  return api.post<CreatedOAuthApplicationDto>(BASE, {
    name: `${PREFIX} ${Date.now().toString(36)}`,
    grants: ['client_credentials'],
    userId: me.id,
  });
}

test('Cancel leaves a form unsaved, without a question, back where the form was opened from; the keyboard reaches it', async ({ page }) => {
  const api = await signInWithApi(page);
  const application = await createApplication(api);
  const nameField = page.getByRole('textbox', { name: 'Application Name', exact: true });
  const cancel = page.getByRole('button', { name: 'Cancel', exact: true });
  // Cancel is the decision to drop the changes: no "unsaved changes" question on the way.
  const questions: string[] = [];
  page.on('dialog', (question) => {
    questions.push(question.message());
    void question.dismiss();
  });

  await test.step('the create form, opened from the grid: Tab from Create reaches Cancel, Enter goes back to the grid', async () => {
    await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
    await openCreatePage(page);
    await nameField.fill(`${PREFIX} never saved`);
    await page.getByRole('button', { name: 'Create', exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(cancel).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/admin\/oauth-applications(\?.*)?$/);
  });

  await test.step('the edit form, opened from the show page: back to it, the record unchanged', async () => {
    await page.goto(`/admin/oauth-applications/${application.id}/show`);
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(nameField).toHaveValue(application.name);
    await nameField.fill(`${application.name} changed`);
    await cancel.click();
    await expect(page).toHaveURL(new RegExp(`/admin/oauth-applications/${application.id}/show$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`OAuth Application ${application.name}`);
  });

  await test.step('the edit form, opened by a link from elsewhere: to the record\'s show page', async () => {
    await page.goto(`/admin/oauth-applications/${application.id}`);
    await expect(nameField).toHaveValue(application.name);
    await cancel.click();
    await expect(page).toHaveURL(new RegExp(`/admin/oauth-applications/${application.id}/show$`));
  });

  await test.step('the create form, opened by a link from elsewhere: to the list', async () => {
    await page.goto('/admin/oauth-applications/create');
    await nameField.fill(`${PREFIX} never saved`);
    await cancel.click();
    await expect(page).toHaveURL(/\/admin\/oauth-applications(\?.*)?$/);
  });

  expect(questions).toEqual([]);
  expect((await api.get<OAuthApplicationDto>(`${BASE}/${application.id}`)).name).toBe(application.name);
  expect(await applicationsNamed(api, `${PREFIX} never saved`)).toEqual([]);
});

test('a save says what was saved; a changed create form asks before it is left', async ({ page }) => {
  const api = await signInWithApi(page);
  const application = await createApplication(api);
  const nameField = page.getByRole('textbox', { name: 'Application Name', exact: true });

  await test.step('saving an edited application says "OAuth application saved", not react-admin\'s "Element updated"', async () => {
    await page.goto(`/admin/oauth-applications/${application.id}`);
    await nameField.fill(`${application.name} renamed`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('OAuth application saved', { exact: true })).toBeVisible();
    await expect(page.getByText('Element updated')).toHaveCount(0);
  });

  await test.step('leaving a changed create form by the menu asks first; staying keeps what was typed', async () => {
    await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
    await openCreatePage(page);
    await nameField.fill(`${PREFIX} half-typed`);
    const prompt = new Promise<string>((resolve) =>
      page.once('dialog', (question) => {
        resolve(question.message());
        void question.dismiss();
      }),
    );
    await openFromMenu(page, 'System', 'User Management', 'Users');
    expect(await prompt).toMatch(/changes/i);
    await expect(page).toHaveURL(/\/admin\/oauth-applications\/create$/);
    await expect(nameField).toHaveValue(`${PREFIX} half-typed`);
  });
});

test('an untouched create form marks its required fields and, on Create, shows what is missing at them', async ({ page }) => {
  const api = await signInWithApi(page);
  const create = page.getByRole('button', { name: 'Create', exact: true });
  const nameField = page.getByRole('textbox', { name: 'Application Name', exact: true });

  await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
  await openCreatePage(page);
  // The asterisk is in the label, hidden from the accessible name.
  await expect(page.locator('label').filter({ hasText: 'Application Name' })).toContainText('*');
  await expect(page.getByText('Grants *', { exact: true })).toBeVisible();
  await expect(create).toBeEnabled();

  await create.click();
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField).toHaveAccessibleDescription(/Required/);
  await expect(page.getByText('Select at least one grant type.')).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/oauth-applications\/create$/);
  expect(await applicationsNamed(api, PREFIX)).toEqual([]);
});

test('the application page copies its Client ID, and its sections\' headings all look alike', async ({ page }) => {
  const api = await signInWithApi(page);
  const application = await createApplication(api);
  await page.goto(`/admin/oauth-applications/${application.id}/show`);

  await page.getByRole('button', { name: 'Copy Client ID' }).click();
  await expect(page.getByText('Copied', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(application.clientId);

  const headings = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(headings.filter({ hasText: 'Client secrets' })).toBeVisible();
  await expect(headings.filter({ hasText: 'General' })).toBeVisible();
  const styles = await headings.evaluateAll((elements) =>
    elements.map((element) => {
      const { fontSize, fontWeight, textTransform, color } = getComputedStyle(element);
      return `${fontSize} ${fontWeight} ${textTransform} ${color}`;
    }),
  );
  expect(styles.length).toBeGreaterThanOrEqual(5);
  expect(new Set(styles).size, styles.join(' | ')).toBe(1);
});
