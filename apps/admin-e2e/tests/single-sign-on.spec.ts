import { expect, type Page, test } from '@playwright/test';

import { ADMIN_EMAIL, ADMIN_FULL_NAME, SSO_BASE_URL, SSO_NAME, SSO_PROVIDER_URL } from '../src/fixtures';

/** From the console's sign-in page, through the provider's sign-in and consent pages, as `login` (its email). */
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.goto(`${SSO_BASE_URL}/admin`);
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.getByRole('link', { name: `Sign in with ${SSO_NAME}` }).click();
  await expect(page).toHaveURL(new RegExp(`^${SSO_PROVIDER_URL}/interaction/`));
  await page.getByPlaceholder('Enter any login').fill(login);
  await page.getByPlaceholder('and password').fill('whatever the provider checks');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('an administrator signs in with the single sign-on provider and lands in the console', async ({ page }, testInfo) => {
  await test.step('the sign-in page offers the provider next to the password', async () => {
    await page.goto(`${SSO_BASE_URL}/admin`);
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: `Sign in with ${SSO_NAME}` })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('sign-in-page.png') });
  });

  await test.step('the provider vouches for the administrator\'s email, in another letter case', async () => {
    await signInAtProvider(page, ADMIN_EMAIL.toUpperCase());
    await expect(page).toHaveURL(`${SSO_BASE_URL}/admin/`);
    await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN_FULL_NAME}` })).toBeVisible();
  });

  await test.step('a reload keeps the session, as a password\'s does', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN_FULL_NAME}` })).toBeVisible();
  });
});

test('someone the console does not know is sent back to the sign-in page, which says why', async ({ page }) => {
  await signInAtProvider(page, 'stranger@example.com');
  await expect(page).toHaveURL(`${SSO_BASE_URL}/admin/login?sso_error=no_account`);
  await expect(page.getByRole('alert')).toHaveText(`No active console account has the email address ${SSO_NAME} gave. Ask an administrator for access.`);
  await expect(page.getByRole('link', { name: `Sign in with ${SSO_NAME}` })).toBeVisible();
});

test('cancelling at the provider comes back to the sign-in page, saying so', async ({ page }) => {
  await page.goto(`${SSO_BASE_URL}/admin/login`);
  await page.getByRole('link', { name: `Sign in with ${SSO_NAME}` }).click();
  await page.getByRole('link', { name: '[ Cancel ]' }).click();
  await expect(page).toHaveURL(`${SSO_BASE_URL}/admin/login?sso_error=denied`);
  await expect(page.getByRole('alert')).toHaveText(`${SSO_NAME} did not sign you in: the sign-in was cancelled or refused.`);
});

test('a sign-in refused because too many wait from one network says so, and the button stays', async ({ page }) => {
  // What the start answers with once SIGN_IN_MAX_FAILURES_PER_IP sign-ins from one address wait
  // for the provider (apps/api/test/single-sign-on.int-spec.ts drives that part).
  await page.goto(`${SSO_BASE_URL}/admin/login?sso_error=busy`);
  await expect(page.getByRole('alert')).toHaveText('Too many sign-ins from your network are waiting to be finished. Please try again in a few minutes.');
  await expect(page.getByRole('link', { name: `Sign in with ${SSO_NAME}` })).toBeVisible();
});
