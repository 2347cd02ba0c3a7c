import { expect, test } from '@playwright/test';

import { openFromMenu, signIn, signOut } from '../src/console';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from '../src/fixtures';

test('an administrator signs in, browses the console and signs out', async ({ page }, testInfo) => {
  const signInButton = page.getByRole('button', { name: 'Sign in' });

  await test.step('the console asks for a sign-in first', async () => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/admin\/login$/);
    await expect(signInButton).toBeVisible();
  });

  await test.step('a wrong password is refused with the API message', async () => {
    await signIn(page, ADMIN_USERNAME, 'not-the-password');
    await expect(page.getByRole('alert')).toHaveText('Invalid username or password.');
    await expect(page).toHaveURL(/\/admin\/login$/);
  });

  await test.step('the right password opens the dashboard', async () => {
    await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
    await expect(page).toHaveURL(/\/admin\/?$/);
    // A fresh database holds what the API seeds: one administrator in one organization.
    await expect(page.getByRole('heading', { name: 'Welcome, Keyhouse Administrator' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Users', exact: true })).toContainText('1');
    await expect(page.getByRole('region', { name: 'Organizations', exact: true })).toContainText('1');
    await expect(page.getByRole('region', { name: 'Customer Users', exact: true })).toContainText('0');
    await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });
  });

  await test.step('System > User Management > Users lists the administrator', async () => {
    await openFromMenu(page, 'System', 'User Management', 'Users');
    await expect(page).toHaveURL(/\/admin\/users/);
    await expect(page.getByRole('cell', { name: ADMIN_USERNAME, exact: true })).toBeVisible();
  });

  await test.step('System > User Management > Organizations lists the default organization', async () => {
    await openFromMenu(page, 'System', 'User Management', 'Organizations');
    await expect(page).toHaveURL(/\/admin\/organizations/);
    await expect(page.getByRole('cell', { name: 'Default Organization', exact: true })).toBeVisible();
  });

  const customerUsersEmpty = page.getByText('No customer users yet');

  await test.step('Customers > Customer Users says there are none yet', async () => {
    await openFromMenu(page, 'Customers', 'Customer Users');
    await expect(page).toHaveURL(/\/admin\/customer-users/);
    await expect(customerUsersEmpty).toBeVisible();
  });

  await test.step('a reload keeps the session', async () => {
    await page.reload();
    await expect(page).toHaveURL(/\/admin\/customer-users/);
    await expect(customerUsersEmpty).toBeVisible();
  });

  await test.step('signing out returns to the sign-in page for good', async () => {
    await signOut(page);
    await expect(page).toHaveURL(/\/admin\/login$/);
    await expect(signInButton).toBeVisible();
    await page.reload();
    await expect(signInButton).toBeVisible();
  });
});
