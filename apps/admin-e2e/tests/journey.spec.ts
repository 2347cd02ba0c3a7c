import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { expect, type Page, test, type TestInfo } from '@playwright/test';

import { signedInApi } from '../src/api';
import { deleteApplicationsNamed, pickAdminAsUser } from '../src/applications';
import { openFromMenu, pageBody, signIn } from '../src/console';
import { ADMIN_FULL_NAME, ADMIN_PASSWORD, ADMIN_USERNAME, MARKETPLACE_BASE_URL } from '../src/fixtures';
import { DESKTOP, isPhone, PHONE } from '../src/viewports';

// Its emails and audit rows stay: on the server whose specs expect no fresh database. The
// credentials dialog copies to the clipboard; the test reads it back.
test.use({ baseURL: MARKETPLACE_BASE_URL, permissions: ['clipboard-read', 'clipboard-write'] });

/** Names no other spec uses; whatever an attempt leaves is deleted after it. */
const PREFIX = 'Journey';

test.afterEach(async ({ request }) => {
  await deleteApplicationsNamed(await signedInApi(request, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD }), PREFIX);
});

/** The page as it stands, saved with the test's results (CI keeps them) under the step's name and the screen's size. */
async function snapshot(page: Page, testInfo: TestInfo, step: string): Promise<void> {
  const viewport = page.viewportSize();
  const name = `${step}-${viewport?.width}x${viewport?.height}`;
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** One of the show page's actions: a labelled button or link on a wide screen, an entry of "More actions" on a phone. */
async function showPageAction(page: Page, name: string, role: 'button' | 'link'): Promise<void> {
  if (isPhone(page.viewportSize())) {
    await page.getByRole('button', { name: 'More actions' }).click();
    const item = page.getByRole('menuitem', { name, exact: true });
    await expect(item).toBeInViewport({ ratio: 1 });
    await item.click();
  } else {
    await page.getByRole(role, { name, exact: true }).click();
  }
}

for (const viewport of [DESKTOP, PHONE]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('an administrator creates an OAuth application, copies its secret, views, edits, deactivates and deletes it', async ({ page }, testInfo) => {
      const name = `${PREFIX} ${viewport.width} ${Date.now()}`;
      const renamed = `${name} renamed`;
      const heading = page.getByRole('heading', { level: 1 });
      const nameField = page.getByRole('textbox', { name: 'Application Name', exact: true });
      let applicationUrl = '';
      let clientId = '';

      await test.step('create', async () => {
        await page.goto('/admin');
        await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
        await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN_FULL_NAME}` })).toBeVisible();
        await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
        const create = page.getByRole('link', { name: 'Create OAuth Application' });
        await expect(create).toBeInViewport();
        await create.click();
        await nameField.fill(name);
        await page.getByRole('checkbox', { name: 'Client Credentials' }).check();
        await pickAdminAsUser(page);
        await snapshot(page, testInfo, '1-create');
        await page.getByRole('button', { name: 'Create', exact: true }).click();
      });

      const dialog = page.getByRole('dialog', { name: 'OAuth application created' });

      await test.step('copy the secret: shown whole, its copy button on screen', async () => {
        clientId = await dialog.getByRole('textbox', { name: 'Client ID' }).inputValue();
        const secretField = dialog.getByRole('textbox', { name: 'Client Secret' });
        const secret = await secretField.inputValue();
        expect(secret).toMatch(/^[A-Za-z0-9_-]{43,}$/);
        await expect(secretField).toBeInViewport({ ratio: 1 });
        // Wrapped, not cut off: the field scrolls neither way.
        const overflow = await secretField.evaluate((field) => ({
          sideways: field.scrollWidth - field.clientWidth,
          down: field.scrollHeight - field.clientHeight,
        }));
        expect(overflow).toEqual({ sideways: 0, down: 0 });
        const copy = dialog.getByRole('button', { name: 'Copy Client Secret' });
        await expect(copy).toBeInViewport({ ratio: 1 });
        await copy.click();
        await expect(page.getByText('Copied')).toBeVisible();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
        await snapshot(page, testInfo, '2-secret');
        await dialog.getByRole('button', { name: 'Close' }).click();
        await expect(dialog).toBeHidden();
      });

      await test.step('view it', async () => {
        await expect(page).toHaveURL(/\/admin\/oauth-applications\/\d+\/show$/);
        applicationUrl = new URL(page.url()).pathname.replace('/admin/', '/admin/api/').replace(/\/show$/, '');
        await expect(heading).toHaveText(`OAuth Application ${name}`);
        await expect(pageBody(page).getByText(clientId, { exact: true })).toBeVisible();
        if (isPhone(viewport)) {
          // The toolbar's actions, named, in one menu rather than unlabelled icons.
          await expect(page.getByRole('button', { name: 'Deactivate' })).toHaveCount(0);
          await expect(page.getByRole('button', { name: 'More actions' })).toBeInViewport({ ratio: 1 });
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        await snapshot(page, testInfo, '3-view');
      });

      await test.step('edit it: leaving by the menu with a change asks first; staying keeps the change, which is saved', async () => {
        await showPageAction(page, 'Edit', 'link');
        await expect(nameField).toHaveValue(name);
        await nameField.fill(renamed);
        const prompt = new Promise<string>((resolve) =>
          page.once('dialog', (question) => {
            resolve(question.message());
            void question.dismiss();
          }),
        );
        await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
        expect(await prompt).toMatch(/changes/i);
        await expect(page).toHaveURL(/\/admin\/oauth-applications\/\d+$/);
        // On a phone the menu's drawer closed, as after any entry: the form is there to save.
        if (isPhone(viewport)) await expect(page.getByRole('menu')).toBeHidden();
        await expect(nameField).toHaveValue(renamed);
        await snapshot(page, testInfo, '4-edit');
        await page.getByRole('button', { name: 'Save' }).click();
        await expect(page).toHaveURL(/\/admin\/oauth-applications\/\d+\/show$/);
        await expect(heading).toHaveText(`OAuth Application ${renamed}`);
      });

      await test.step('deactivate it, after confirming', async () => {
        await showPageAction(page, 'Deactivate', 'button');
        const confirm = page.getByRole('dialog', { name: 'Deactivate OAuth application' });
        await expect(confirm).toContainText(renamed);
        await confirm.getByRole('button', { name: 'Deactivate' }).click();
        await expect(confirm).toBeHidden();
        await expect(pageBody(page).getByText('Inactive', { exact: true })).toBeVisible();
        expect(((await (await page.request.get(applicationUrl)).json()) as OAuthApplicationDto).active).toBe(false);
        await snapshot(page, testInfo, '5-deactivated');
      });

      await test.step('delete it, after confirming', async () => {
        await showPageAction(page, 'Delete', 'button');
        const confirm = page.getByRole('dialog', { name: 'Delete OAuth application' });
        await expect(confirm).toContainText(renamed);
        await snapshot(page, testInfo, '6-delete');
        await confirm.getByRole('button', { name: 'Delete' }).click();
        await expect(page).toHaveURL(/\/admin\/oauth-applications(\?.*)?$/);
        await expect(pageBody(page).getByText(renamed)).toHaveCount(0);
        expect((await page.request.get(applicationUrl)).status()).toBe(404);
      });
    });
  });
}
