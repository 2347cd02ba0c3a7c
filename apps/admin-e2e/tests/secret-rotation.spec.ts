import type { CreatedOAuthApplicationDto, MeDto } from '@keyhouse/shared-contracts';
import { expect, type Page, test } from '@playwright/test';

import { type ConsoleApi, consoleApi } from '../src/api';
import { cellUnder, expectDestructiveConfirm, signIn } from '../src/console';
import { ADMIN_FULL_NAME, ADMIN_PASSWORD, ADMIN_USERNAME } from '../src/fixtures';

const ONE_TIME_NOTICE = 'For security reasons, the Client Secret is displayed only once.';

// The credentials dialog copies to the clipboard; the test reads it back.
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Answers the status of a client_credentials token request made with this secret, as a client would. */
async function tokenStatus(page: Page, clientId: string, clientSecret: string): Promise<number> {
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
  const answer = await page.request.post('/oauth2-token', {
    form: { grant_type: 'client_credentials' },
    headers: { authorization: `Basic ${basic}` },
  });
  return answer.status();
}

let cleanUp: ((api: ConsoleApi) => Promise<void>) | undefined;

// Other specs share this server's database: the application goes, passed or failed.
test.afterEach(async ({ page }) => {
  if (cleanUp) await cleanUp(await consoleApi(page));
  cleanUp = undefined;
});

test('an administrator rotates a client secret: both work until the old one expires, then it is revoked', async ({
  page,
}, testInfo) => {
  await page.goto('/admin');
  await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN_FULL_NAME}` })).toBeVisible();

  const api = await consoleApi(page);
  const me = await api.get<MeDto>('/admin/api/me');
  const application = await api.post<CreatedOAuthApplicationDto>('/admin/api/oauth-applications', {
    name: `Rotation ${Date.now().toString(36)}`,
    grants: ['client_credentials'],
    userId: me.id,
  });
  cleanUp = (cleanup) => cleanup.delete(`/admin/api/oauth-applications/${application.id}`);
  const oldSecret = application.clientSecret ?? '';
  let newSecret = '';

  const section = page.getByRole('region', { name: 'Client secrets' });
  const rows = section.getByRole('row').filter({ has: page.getByRole('cell') });

  await test.step('the show page lists the one secret: no expiry, never used', async () => {
    await page.goto(`/admin/oauth-applications/${application.id}/show`);
    await expect(rows).toHaveCount(1);
    await expect(await cellUnder(rows.first(), 'Expires')).toHaveText('Never');
    await expect(await cellUnder(rows.first(), 'Last used')).toHaveText('Never');
  });

  await test.step('"Add secret" asks when the current one stops, seven days unless told otherwise', async () => {
    await section.getByRole('button', { name: 'Add secret' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a client secret' });
    const deadline = dialog.getByRole('radiogroup', { name: 'The current secrets stop working' });
    await expect(deadline.getByRole('radio', { name: 'In 7 days' })).toBeChecked();
    for (const choice of ['In 1 day', 'In 30 days', 'On a date', 'Now (revoke them)']) {
      await expect(deadline.getByRole('radio', { name: choice })).toBeVisible();
    }
    const newExpiry = dialog.getByRole('radiogroup', { name: 'The new secret expires' });
    await expect(newExpiry.getByRole('radio', { name: 'Never' })).toBeChecked();
    await newExpiry.getByRole('radio', { name: 'In 1 year' }).check();
    await page.screenshot({ path: testInfo.outputPath('add-secret-dialog.png') });
    await dialog.getByRole('button', { name: 'Add secret' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('the new secret is shown once and copied', async () => {
    const shown = page.getByRole('dialog', { name: 'Client secret added' });
    await expect(shown).toContainText(ONE_TIME_NOTICE);
    await expect(shown.getByRole('textbox', { name: 'Client ID' })).toHaveValue(application.clientId);
    newSecret = await shown.getByRole('textbox', { name: 'Client Secret' }).inputValue();
    expect(newSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecret).not.toBe(oldSecret);
    await shown.getByRole('button', { name: 'Copy Client Secret' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(newSecret);
    await shown.getByRole('button', { name: 'Close' }).click();
    await expect(shown).toBeHidden();
    expect(await page.content()).not.toContain(newSecret);
  });

  await test.step('both secrets are listed with their expiry, newest first', async () => {
    await expect(rows).toHaveCount(2);
    await expect(await cellUnder(rows.nth(0), 'Expires')).toContainText('expires in 365 days');
    await expect(await cellUnder(rows.nth(1), 'Expires')).toContainText('expires in 7 days');
    await page.screenshot({ path: testInfo.outputPath('client-secrets.png'), fullPage: true });
  });

  await test.step('during the overlap both secrets get tokens, and each shows it was used', async () => {
    expect(await tokenStatus(page, application.clientId, oldSecret)).toBe(200);
    expect(await tokenStatus(page, application.clientId, newSecret)).toBe(200);
    // "Last used" is written every two seconds: reload until it shows.
    await expect(async () => {
      await page.reload();
      await expect(rows).toHaveCount(2);
      for (const row of [rows.nth(0), rows.nth(1)]) await expect(await cellUnder(row, 'Last used')).not.toHaveText('Never');
    }).toPass({ timeout: 60_000 });
  });

  await test.step('revoking the old secret asks first, then stops it at once', async () => {
    await rows.nth(1).getByRole('button', { name: 'Revoke' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke the client secret' });
    await expect(confirm).toContainText('stop getting tokens at once');
    await expectDestructiveConfirm(confirm, 'Revoke');
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await expect(rows).toHaveCount(1);
    await expect(await cellUnder(rows.first(), 'Expires')).toContainText('expires in 365 days');
    expect(await tokenStatus(page, application.clientId, oldSecret)).toBe(401);
    expect(await tokenStatus(page, application.clientId, newSecret)).toBe(200);
  });
});
