import type { CustomerUserDto } from '@keyhouse/shared-contracts';
import { expect, type Page, test } from '@playwright/test';

import { consoleApi } from '../src/api';
import { cellUnder, openFromMenu, pageBody, signIn } from '../src/console';
import { ADMIN_FULL_NAME, ADMIN_PASSWORD, ADMIN_USERNAME, MARKETPLACE_BASE_URL } from '../src/fixtures';

// These flows add users and customer users, which the main server's fresh-database checks
// (dashboard counts, the empty Customer Users grid) must not see, and nothing can delete them.
test.use({ baseURL: MARKETPLACE_BASE_URL, permissions: ['clipboard-read', 'clipboard-write'] });

const ONE_TIME_NOTICE = /shown only now/;

async function signInAsAdministrator(page: Page): Promise<void> {
  await page.goto('/admin');
  await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN_FULL_NAME}` })).toBeVisible();
}

/** Generates a password, checks it is offered for copying, and answers it. */
async function generatePassword(page: Page): Promise<string> {
  const password = page.getByRole('textbox', { name: 'Password', exact: true });
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(password).toHaveAttribute('type', 'password');
  await expect(password).toHaveAccessibleDescription(ONE_TIME_NOTICE);
  await page.getByRole('button', { name: 'Show password' }).click();
  await expect(password).toHaveAttribute('type', 'text');
  const generated = await password.inputValue();
  expect(generated).toHaveLength(20);
  await page.getByRole('button', { name: 'Copy password' }).click();
  await expect(page.getByText('Password copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(generated);
  return generated;
}

test('an administrator creates a back-office user, who can then sign in to the console', async ({ page, browser }, testInfo) => {
  const username = `nina.sharp.${Date.now()}`;
  const usernameInput = page.getByRole('textbox', { name: 'Username' });
  const passwordInput = page.getByRole('textbox', { name: 'Password', exact: true });
  const create = page.getByRole('button', { name: 'Create', exact: true });
  let password = '';

  await test.step('Users has a Create User button that opens the form, with User as the default role', async () => {
    await signInAsAdministrator(page);
    await openFromMenu(page, 'System', 'User Management', 'Users');
    await page.getByRole('link', { name: 'Create User' }).click();
    await expect(page).toHaveURL(/\/admin\/users\/create$/);
    await expect(page.getByRole('checkbox', { name: 'User', exact: true })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Administrator' })).not.toBeChecked();
    // There is one organization: the new user joins it without asking.
    await expect(page.getByRole('combobox', { name: 'Organization' })).toHaveCount(0);
    // The first administrator is a platform operator, who may make others one.
    await expect(page.getByRole('checkbox', { name: 'Platform operator' })).not.toBeChecked();
  });

  await test.step('a too-short password is refused before sending', async () => {
    await usernameInput.fill(ADMIN_USERNAME);
    await page.getByRole('textbox', { name: 'Email' }).fill(`${username}@example.com`);
    await page.getByRole('textbox', { name: 'First name' }).fill('Nina');
    await page.getByRole('textbox', { name: 'Last name' }).fill('Sharp');
    await passwordInput.fill('too-short');
    await create.click();
    await expect(passwordInput).toHaveAccessibleDescription('Must be 12 characters at least');
  });

  await test.step('the server refuses a username already taken, at the Username field', async () => {
    password = await generatePassword(page);
    await create.click();
    await expect(usernameInput).toHaveAccessibleDescription('This username is already taken.');
    await expect(page).toHaveURL(/\/admin\/users\/create$/);
    // The generated password is still there to copy until the user exists.
    await expect(passwordInput).toHaveValue(password);
    await page.screenshot({ path: testInfo.outputPath('user-create-form.png'), fullPage: true });
  });

  await test.step('with a free username the user is created and shown', async () => {
    await usernameInput.fill(username);
    await create.click();
    await expect(page.getByText('User created')).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/users\/\d+\/show$/);
    const main = page.getByRole('main');
    await expect(pageBody(page).getByText(username, { exact: true })).toBeVisible();
    // Roles by their labels, in the organization where they hold them.
    const membership = main.getByRole('table', { name: 'Memberships' }).getByRole('row').filter({ hasText: 'Default Organization' });
    await expect(membership.getByText('User', { exact: true })).toBeVisible();
    await expect(main.getByText('ROLE_USER')).toHaveCount(0);
  });

  await test.step('the new user signs in with the generated password and sees the console', async () => {
    const context = await browser.newContext({ baseURL: MARKETPLACE_BASE_URL });
    try {
      const userPage = await context.newPage();
      await userPage.goto('/admin');
      await signIn(userPage, username, password);
      await expect(userPage.getByRole('heading', { name: 'Welcome, Nina Sharp' })).toBeVisible();
      // A plain User may not manage users, so the menu does not offer them.
      await expect(userPage.getByRole('menuitem', { name: 'Users', exact: true })).toHaveCount(0);

      await test.step('disabled on the Edit page, the user is signed out at once and cannot sign in again', async () => {
        await page.getByRole('link', { name: 'Edit' }).click();
        await expect(page).toHaveURL(/\/admin\/users\/\d+$/);
        await expect(page.getByRole('textbox', { name: 'Username' })).toHaveValue(username);
        await page.getByRole('checkbox', { name: 'Enabled' }).uncheck();
        await page.screenshot({ path: testInfo.outputPath('user-edit-form.png'), fullPage: true });
        await page.getByRole('button', { name: 'Save' }).click();
        await expect(page).toHaveURL(/\/admin\/users\/\d+\/show$/);

        await userPage.reload();
        await expect(userPage.getByRole('textbox', { name: 'Username' })).toBeVisible();
        await signIn(userPage, username, password);
        await expect(userPage.getByRole('alert')).toHaveText('Invalid username or password.');
      });
    } finally {
      await context.close();
    }
  });
});

test('an administrator creates a customer user, who is listed in Customer Users; the same email is refused', async ({ page }, testInfo) => {
  const email = `sam.shopper.${Date.now()}@example.com`;
  const emailInput = page.getByRole('textbox', { name: 'Email' });
  const language = page.getByRole('combobox', { name: 'Language' });
  const create = page.getByRole('button', { name: 'Create', exact: true });

  await test.step('the form starts in English, with no organization to pick', async () => {
    await signInAsAdministrator(page);
    await openFromMenu(page, 'Customers', 'Customer Users');
    await page.getByRole('link', { name: 'Create Customer User' }).click();
    await expect(page).toHaveURL(/\/admin\/customer-users\/create$/);
    await expect(language).toHaveText('English');
    await expect(page.getByRole('combobox', { name: 'Organization' })).toHaveCount(0);
  });

  await test.step('a German-speaking customer user is created and shown', async () => {
    await emailInput.fill(email);
    await page.getByRole('textbox', { name: 'First name' }).fill('Sam');
    await page.getByRole('textbox', { name: 'Last name' }).fill('Shopper');
    await generatePassword(page);
    await language.click();
    await page.getByRole('option', { name: 'German' }).click();
    await expect(language).toHaveText('German');
    await create.click();
    await expect(page.getByText('Customer user created')).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/customer-users\/\d+\/show$/);
    await expect(pageBody(page).getByText(email, { exact: true })).toBeVisible();
  });

  await test.step('the Customer Users grid lists them', async () => {
    await openFromMenu(page, 'Customers', 'Customer Users');
    const row = page.getByRole('row').filter({ hasText: email });
    await expect(row).toContainText('Sam');
    await expect(row).toContainText('Shopper');
    await expect(row).toContainText('Default Organization');
  });

  await test.step('their Edit page renames and disables them, and the grid shows it', async () => {
    await page.getByRole('row').filter({ hasText: email }).click();
    await expect(page).toHaveURL(/\/admin\/customer-users\/\d+\/show$/);
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(page).toHaveURL(/\/admin\/customer-users\/\d+$/);
    await expect(language).toHaveText('German');
    await page.getByRole('textbox', { name: 'Last name' }).fill('Shopper-Lee');
    await page.getByRole('checkbox', { name: 'Enabled' }).uncheck();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(/\/admin\/customer-users\/\d+\/show$/);
    await openFromMenu(page, 'Customers', 'Customer Users');
    const row = page.getByRole('row').filter({ hasText: email });
    await expect(row).toContainText('Shopper-Lee');
    // react-admin's BooleanField draws its value as an icon.
    await expect((await cellUnder(row, 'Enabled')).getByTestId('false')).toBeVisible();
  });

  await test.step('the server refuses a second customer user with that email, at the Email field', async () => {
    await page.getByRole('link', { name: 'Create Customer User' }).click();
    await expect(page).toHaveURL(/\/admin\/customer-users\/create$/);
    await emailInput.fill(email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('Another-long-passw0rd');
    await create.click();
    await expect(emailInput).toHaveAccessibleDescription('A customer user with this email already exists.');
    await page.screenshot({ path: testInfo.outputPath('customer-user-create-form.png'), fullPage: true });
    await expect(page).toHaveURL(/\/admin\/customer-users\/create$/);
  });
});

test('a customer user given a language the form does not list keeps it on the Edit page', async ({ page }) => {
  await signInAsAdministrator(page);
  const api = await consoleApi(page);
  const customer = await api.post<CustomerUserDto>('/admin/api/customer-users', {
    email: `ana.${Date.now()}@example.com`,
    password: 'A-long-enough-passw0rd',
    locale: 'pt-BR',
  });
  await page.goto(`/admin/customer-users/${customer.id}`);
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveText('pt-BR');
});

// Last in this file: from here on there are two organizations, so the forms above would ask which one.
test('a platform operator creates an organization, and may then pick it for new users', async ({ page }, testInfo) => {
  const name = `Initech ${Date.now()}`;
  const nameInput = page.getByRole('textbox', { name: 'Name' });
  const create = page.getByRole('button', { name: 'Create', exact: true });

  await test.step('Organizations has a Create Organization button that opens the form', async () => {
    await signInAsAdministrator(page);
    await openFromMenu(page, 'System', 'User Management', 'Organizations');
    await page.getByRole('link', { name: 'Create Organization' }).click();
    await expect(page).toHaveURL(/\/admin\/organizations\/create$/);
    await expect(nameInput).toHaveAccessibleDescription('Shown in the console, in emails and on consent pages.');
  });

  await test.step('the organization is created and shown', async () => {
    await nameInput.fill(name);
    await create.click();
    await expect(page.getByText('Organization created')).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/organizations\/\d+\/show$/);
    await expect(pageBody(page).getByText(name, { exact: true })).toBeVisible();
  });

  await test.step('the Organizations grid lists it next to the first one', async () => {
    await openFromMenu(page, 'System', 'User Management', 'Organizations');
    await expect(page.getByRole('row').filter({ hasText: name })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Default Organization' })).toBeVisible();
  });

  await test.step('the server refuses the same name again, at the Name field', async () => {
    await page.getByRole('link', { name: 'Create Organization' }).click();
    await expect(page).toHaveURL(/\/admin\/organizations\/create$/);
    await nameInput.fill(name);
    await create.click();
    await expect(nameInput).toHaveAccessibleDescription('An organization with this name already exists.');
    await expect(page).toHaveURL(/\/admin\/organizations\/create$/);
    await page.screenshot({ path: testInfo.outputPath('organization-create-form.png'), fullPage: true });
  });

  await test.step('Create User now asks which organization, offering both: an operator need not belong to them', async () => {
    // The refused form still holds the name: leaving it asks first, and the answer is to leave.
    page.once('dialog', (question) => void question.accept());
    await openFromMenu(page, 'System', 'User Management', 'Users');
    await page.getByRole('link', { name: 'Create User' }).click();
    await expect(page).toHaveURL(/\/admin\/users\/create$/);
    const organization = page.getByRole('combobox', { name: 'Organization' });
    await expect(organization).toBeVisible();
    await organization.click();
    const options = page.getByRole('listbox');
    await expect(options.getByRole('option', { name: 'Default Organization', exact: true })).toBeVisible();
    await expect(options.getByRole('option', { name, exact: true })).toBeVisible();
  });
});
