import type { NotificationRuleDto } from '@keyhouse/shared-contracts';
import { expect, type Page, test } from '@playwright/test';

import { closeUncopiedCredentials, openCreatePage, pickAdminAsUser } from '../src/applications';
import { type ConsoleApi, consoleApi, signedInApi } from '../src/api';
import { cellUnder, openFromMenu, signIn } from '../src/console';
import { ADMIN_EMAIL, ADMIN_FULL_NAME, ADMIN_PASSWORD, ADMIN_USERNAME, MARKETPLACE_BASE_URL } from '../src/fixtures';

/** The seeded subject of the "Application created" templates. */
const CREATED_SUBJECT = 'OAuth application added to your account';
/** The application name the API's template preview fills in. */
const SAMPLE_APPLICATION_NAME = 'ERP Sync';

// Other specs share this server's database (one per run): whatever a test changes
// is put back after it, passed or failed. The OAuth applications spec, for one,
// starts from an empty grid.
let undo: Array<(api: ConsoleApi) => Promise<void>> = [];

test.afterEach(async ({ page }) => {
  const steps = undo.reverse();
  undo = [];
  if (steps.length === 0) return;
  const api = await consoleApi(page);
  for (const step of steps) await step(api);
});

async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto('/admin');
  await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN_FULL_NAME}` })).toBeVisible();
}

/** The current page's record as the API serves it, e.g. /admin/email-templates/3 -> /admin/api/email-templates/3. */
const apiPathOf = (page: Page) =>
  new URL(page.url()).pathname.replace(/^\/admin\//, '/admin/api/').replace(/\/show$/, '');

test('an edited email template is what the next application email says, shown in the Emails preview', async ({
  page,
}, testInfo) => {
  const unique = Date.now().toString(36);
  const marker = `Checked by the browser test ${unique}`;
  const applicationName = `Mail preview ${unique}`;
  const newBody = `<p>${marker}: {{ applicationName }} is ready.</p>`;
  const subject = page.getByRole('textbox', { name: 'Subject' });
  const body = page.getByRole('textbox', { name: 'Body' });
  const preview = page.getByRole('region', { name: 'Preview' });
  const save = page.getByRole('button', { name: 'Save' });

  await signInAsAdmin(page);

  await test.step('open the back-office "Application created" template', async () => {
    await openFromMenu(page, 'System', 'Notifications', 'Email Templates');
    await page.getByRole('row').filter({ hasText: 'Application created' }).filter({ hasText: 'Back-office owner' }).click();
    await expect(page).toHaveURL(/\/admin\/email-templates\/\d+$/);
    await expect(subject).toHaveValue(CREATED_SUBJECT);
    await expect(body).toHaveValue(/\{\{ applicationName \}\}/);
    const original = { subject: await subject.inputValue(), body: await body.inputValue() };
    const templatePath = apiPathOf(page);
    undo.push((api) => api.put(templatePath, original));
  });

  await test.step('the live preview follows the text, with sample values', async () => {
    await body.fill(`<p>${marker}: `);
    // The variable chips insert their placeholder at the cursor.
    await page.getByRole('button', { name: '{{ applicationName }}', exact: true }).click();
    await expect(body).toHaveValue(`<p>${marker}: {{ applicationName }}`);
    await body.press('Control+End');
    await body.pressSequentially(' is ready.</p>');
    await expect(body).toHaveValue(newBody);

    const rendered = page.frameLocator('iframe[title="Template preview"]').locator('body');
    await expect(rendered).toHaveText(`${marker}: ${SAMPLE_APPLICATION_NAME} is ready.`);
    await expect(preview).toContainText(CREATED_SUBJECT);
    await page.screenshot({ path: testInfo.outputPath('email-template-live-preview.png'), fullPage: true });
  });

  await test.step('a placeholder for the client secret is refused at the Body field and in the preview', async () => {
    await body.fill(`${newBody}<p>{{ clientSecret }}</p>`);
    await expect(preview.getByRole('alert')).toContainText('Body: Unknown variable {{ clientSecret }}');
    await save.click();
    await expect(body).toHaveAttribute('aria-invalid', 'true');
    await expect(body).toHaveAccessibleDescription(/^Unknown variable \{\{ clientSecret \}\}/);
    await expect(page).toHaveURL(/\/admin\/email-templates\/\d+$/);
  });

  await test.step('the valid text is saved', async () => {
    await body.fill(newBody);
    await expect(preview.getByRole('alert')).toHaveCount(0);
    await save.click();
    await expect(page).toHaveURL(/\/admin\/email-templates(\?.*)?$/);
  });

  await test.step('create a client-credentials application acting as the administrator', async () => {
    await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
    await openCreatePage(page);
    await page.getByRole('textbox', { name: 'Application Name', exact: true }).fill(applicationName);
    await page.getByRole('checkbox', { name: 'Client Credentials' }).check();
    await pickAdminAsUser(page);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const credentials = page.getByRole('dialog', { name: 'OAuth application created' });
    await closeUncopiedCredentials(credentials);
    await expect(page).toHaveURL(/\/admin\/oauth-applications\/\d+\/show$/);
    const applicationPath = apiPathOf(page);
    undo.push((api) => api.delete(applicationPath));
  });

  await test.step('the email waits in the outbox, and says why', async () => {
    await openFromMenu(page, 'System', 'Notifications', 'Emails');
    await page.getByRole('textbox', { name: 'Recipient or subject' }).fill(ADMIN_EMAIL);
    // The search applies after a pause, and puts itself in the URL: leaving before that would bring the list back.
    await expect(page).toHaveURL(new RegExp(`filter=.*${encodeURIComponent(ADMIN_EMAIL)}`));
    // Newest first: the top one is the email of the application just created.
    const row = page.getByRole('row').filter({ hasText: CREATED_SUBJECT }).first();
    await expect(row).toContainText(ADMIN_EMAIL);
    await expect(row).toContainText('Application created');
    const status = row.getByText('Pending', { exact: true });
    await status.hover();
    await expect(page.getByRole('tooltip')).toContainText('SMTP is not configured');
    await row.getByRole('cell', { name: CREATED_SUBJECT }).click();
  });

  await test.step("the email's page shows the new text in a sandboxed preview, and the reason it is not sent", async () => {
    await expect(page).toHaveURL(/\/admin\/emails\/\d+\/show$/);
    await expect(page.locator('iframe[title="Email preview"]')).toHaveAttribute('sandbox', '');
    const rendered = page.frameLocator('iframe[title="Email preview"]').locator('body');
    await expect(rendered).toContainText(marker);
    await expect(rendered).toHaveText(`${marker}: ${applicationName} is ready.`);
    await expect(page.getByRole('alert').filter({ hasText: 'SMTP' })).toContainText('SMTP is not configured');
    await page.screenshot({ path: testInfo.outputPath('emails-preview.png'), fullPage: true });
  });

  await test.step('resending asks first, then queues the email again', async () => {
    await page.getByRole('button', { name: 'Resend' }).click();
    const confirm = page.getByRole('dialog', { name: 'Resend email' });
    await expect(confirm).toContainText(ADMIN_EMAIL);
    await confirm.getByRole('button', { name: 'Resend' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText('Email queued for sending')).toBeVisible();
  });
});

test('a notification rule adds organization admins and an extra recipient; an address the server refuses shows at the field', async ({
  page,
}, testInfo) => {
  const address = `security-${Date.now().toString(36)}@example.com`;
  const row = page.getByRole('row').filter({ hasText: 'Application deactivated' });
  const organizationAdmins = page.getByRole('checkbox', { name: 'Organization admins' });
  const save = page.getByRole('button', { name: 'Save' });

  await signInAsAdmin(page);

  await test.step('open the "Application deactivated" rule', async () => {
    await openFromMenu(page, 'System', 'Notifications', 'Notification Rules');
    await expect(await cellUnder(row, 'Organization admins')).toHaveText('No');
    await row.click();
    await expect(page).toHaveURL(/\/admin\/notification-rules\/\d+$/);
    await expect(organizationAdmins).not.toBeChecked();
    const rulePath = apiPathOf(page);
    const rule = (await (await page.request.get(rulePath)).json()) as NotificationRuleDto;
    const { enabled, notifyOwner, notifyOrganizationAdmins, extraRecipients } = rule;
    undo.push((api) => api.put(rulePath, { enabled, notifyOwner, notifyOrganizationAdmins, extraRecipients }));
  });

  const recipient = page.getByRole('textbox', { name: 'Email address' });

  await test.step('an address the server refuses is explained under Extra recipients', async () => {
    await organizationAdmins.check();
    await page.getByRole('button', { name: 'Add' }).click();
    // Shown, not only on hover, so that keyboard users can remove a line too.
    await expect(page.getByRole('button', { name: 'Remove' })).toBeVisible();
    await recipient.fill('security team');
    await save.click();
    await expect(page.getByText('"security team" is not an email address.')).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/notification-rules\/\d+$/);
    await page.screenshot({ path: testInfo.outputPath('notification-rule-error.png'), fullPage: true });
  });

  await test.step('a valid address is saved, and the grid shows the new recipients', async () => {
    await recipient.fill(address);
    await save.click();
    await expect(page).toHaveURL(/\/admin\/notification-rules(\?.*)?$/);
    await expect(await cellUnder(row, 'Organization admins')).toHaveText('Yes');
    await expect(await cellUnder(row, 'Extra recipients')).toHaveText(address);
    await page.screenshot({ path: testInfo.outputPath('notification-rules.png'), fullPage: true });
  });
});

test('a translation of an email template is added in the console; a second one for that language is refused at its field', async ({
  page,
}, testInfo) => {
  // Language tags no other test uses; the e2e database is new for every run, but a retry finds
  // the template its first attempt saved (templates are never deleted), so it takes the next tag.
  const locale = ['fi', 'fi-FI'][testInfo.retry] ?? 'fi-AX';
  await signInAsAdmin(page);
  await openFromMenu(page, 'System', 'Notifications', 'Email Templates');

  const addTranslation = async (subject: string) => {
    await page.getByRole('link', { name: 'Add translation' }).click();
    // By role: the list's column headers, still shown while the form loads, carry the same labels.
    await page.getByRole('combobox', { name: 'Event' }).click();
    await page.getByRole('option', { name: 'Application deleted' }).click();
    await page.getByRole('combobox', { name: 'Recipient' }).click();
    await page.getByRole('option', { name: 'Storefront owner' }).click();
    await page.getByLabel('Locale').fill(locale);
    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Body').fill('<p>Sovellus {{ applicationName }} poistettiin.</p>');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
  };

  await test.step('the new template is saved and listed with its language', async () => {
    await addTranslation('Sovellus {{ applicationName }} poistettiin');
    await expect(page).toHaveURL(/\/admin\/email-templates$/);
    await expect(page.getByRole('cell', { name: 'Sovellus {{ applicationName }} poistettiin', exact: true })).toBeVisible();
  });

  await test.step('a second template for the same event, recipient and language is refused at Locale', async () => {
    await addTranslation('Toinen');
    await expect(page.getByText(`This event already has a ${locale} template for this recipient.`)).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/email-templates\/create$/);
  });
});

test.describe("an organization's own notification settings", () => {
  // The user this test adds must stay out of the main server's fresh-database checks, and nothing can delete one.
  test.use({ baseURL: MARKETPLACE_BASE_URL });

  test('an organization administrator customizes a rule for their organization and sees it in force; the platform default stays as it was', async ({
    page,
    request,
  }, testInfo) => {
    const operator = await signedInApi(request, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
    const [{ organizationId, organizationName }] = operator.session.user.access;
    const unique = Date.now().toString(36);
    const administrator = { username: `orla.admin.${unique}`, password: `Orla-admin-${unique}-e2e!` };
    await operator.post('/admin/api/users', {
      ...administrator,
      email: `orla.${unique}@example.com`,
      firstName: 'Orla',
      lastName: 'Admin',
      organizationIds: [organizationId],
      roles: ['ROLE_ADMINISTRATOR'],
    });
    const filter = (value: object) => `filter=${encodeURIComponent(JSON.stringify(value))}`;
    const [platformRule] = await operator.get<NotificationRuleDto[]>(
      `/admin/api/notification-rules?${filter({ event: 'oauth_application.secret_revoked', organizationId: 'platform' })}`,
    );
    const address = `revocations-${unique}@example.com`;
    const row = page.getByRole('row').filter({ hasText: 'Secret revoked' });
    const save = page.getByRole('button', { name: 'Save' });

    try {
      await test.step('the organization administrator sees what is in force in their organization: the platform defaults', async () => {
        await page.goto('/admin');
        await signIn(page, administrator.username, administrator.password);
        await expect(page.getByRole('heading', { name: 'Welcome, Orla Admin' })).toBeVisible();
        await openFromMenu(page, 'System', 'Notifications', 'Notification Rules');
        await expect(page.getByText(`In force for ${organizationName}`)).toBeVisible();
        // One organization: nothing to pick.
        await expect(page.getByRole('combobox', { name: 'In force for' })).toHaveCount(0);
        await expect(await cellUnder(row, 'Applies to')).toHaveText('Platform default');
      });

      await test.step('a platform default opens read-only, with a way to customize it', async () => {
        await page.getByRole('row').filter({ hasText: 'Application created' }).click();
        await expect(page.getByRole('alert').filter({ hasText: 'only platform operators change it' })).toBeVisible();
        await expect(page.getByRole('button', { name: `Customize for ${organizationName}` })).toBeVisible();
        await expect(save).toHaveCount(0);
        await page.goBack();
      });

      await test.step('customizing copies the default for the organization and opens it', async () => {
        await row.getByRole('button', { name: `Customize for ${organizationName}` }).click();
        await expect(page).toHaveURL(/\/admin\/notification-rules\/\d+$/);
        await expect(page.getByRole('alert').filter({ hasText: `Customized for ${organizationName}` })).toBeVisible();
        await page.getByRole('button', { name: 'Add' }).click();
        await page.getByRole('textbox', { name: 'Email address' }).fill(address);
        await save.click();
      });

      await test.step("the organization's own rule is in force there, with the new recipient", async () => {
        await expect(page).toHaveURL(/\/admin\/notification-rules(\?.*)?$/);
        await expect(await cellUnder(row, 'Applies to')).toHaveText(organizationName);
        await expect(await cellUnder(row, 'Extra recipients')).toHaveText(address);
        await page.screenshot({ path: testInfo.outputPath('notification-rules-customized.png'), fullPage: true });
      });

      await test.step('the platform default is untouched', async () => {
        expect(await operator.get<NotificationRuleDto>(`/admin/api/notification-rules/${platformRule.id}`)).toEqual(platformRule);
      });

      await test.step('reverting asks first, then the platform default is in force again', async () => {
        await row.getByRole('button', { name: 'Revert' }).click();
        const confirm = page.getByRole('dialog', { name: 'Revert to the platform default' });
        await expect(confirm).toContainText(organizationName);
        await confirm.getByRole('button', { name: 'Revert' }).click();
        await expect(confirm).toBeHidden();
        await expect(await cellUnder(row, 'Applies to')).toHaveText('Platform default');
        await expect(await cellUnder(row, 'Extra recipients')).toHaveText('None');
      });
    } finally {
      // Passed or failed, the organization follows the platform default again.
      const overrides = await operator.get<NotificationRuleDto[]>(`/admin/api/notification-rules?${filter({ organizationId })}`);
      for (const override of overrides) await operator.delete(`/admin/api/notification-rules/${override.id}`);
    }
  });
});
