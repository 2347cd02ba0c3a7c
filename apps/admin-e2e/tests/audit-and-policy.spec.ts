import { expect, type Page, test } from '@playwright/test';

import { type ConsoleApi, consoleApi } from '../src/api';
import { closeUncopiedCredentials, openCreatePage, pickAdminAsUser } from '../src/applications';
import { openFromMenu, signIn } from '../src/console';
import { ADMIN_FULL_NAME, ADMIN_PASSWORD, ADMIN_USERNAME } from '../src/fixtures';

const IP_RANGES_HELP = 'Client Credentials requests from other addresses are refused. Leave empty to allow any address.';
/** playwright.config.ts starts the servers with the default CLIENT_AUTH_MAX_FAILURES. */
const MAX_FAILURES = 10;

interface TokenAnswer {
  status: number;
  error?: string;
}

/** A client_credentials token request with HTTP Basic (RFC 6749 2.3.1), as a machine client makes it from 127.0.0.1. */
async function requestToken(page: Page, clientId: string, clientSecret: string): Promise<TokenAnswer> {
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
  const answer = await page.request.post('/oauth2-token', {
    form: { grant_type: 'client_credentials' },
    headers: { authorization: `Basic ${basic}` },
  });
  const body = (await answer.json()) as { error?: string };
  return { status: answer.status(), error: body.error };
}

/** `YYYY-MM-DD` of a local day, the value of a date input. */
const dateInputValue = (day: Date) =>
  `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;

const GRANTED: TokenAnswer = { status: 200, error: undefined };
const REFUSED: TokenAnswer = { status: 401, error: 'invalid_client' };
const THROTTLED: TokenAnswer = { status: 429, error: 'temporarily_unavailable' };

let cleanUp: ((api: ConsoleApi) => Promise<void>) | undefined;

// Other specs share this server's database (the applications grid starts empty): the application goes, passed or failed.
test.afterEach(async ({ page }) => {
  if (cleanUp) await cleanUp(await consoleApi(page));
  cleanUp = undefined;
});

test('IP ranges and the throttle of wrong secrets are managed in the console, and every change is in the Audit Log', async ({
  page,
}, testInfo) => {
  const name = `Policy ${Date.now().toString(36)}`;
  const security = page.getByRole('region', { name: 'Security' });
  const throttledWarning = security.getByRole('alert');
  let clientId = '';
  let clientSecret = '';

  await page.goto('/admin');
  await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN_FULL_NAME}` })).toBeVisible();

  await test.step('the create form asks for IP ranges with Client Credentials only', async () => {
    await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
    await openCreatePage(page);
    await page.getByRole('textbox', { name: 'Application Name', exact: true }).fill(name);
    await expect(page.getByText(IP_RANGES_HELP)).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Client Credentials' }).check();
    await expect(page.getByText(IP_RANGES_HELP)).toBeVisible();
    await pickAdminAsUser(page);
    await page.getByRole('button', { name: 'Add IP range' }).click();
    await page.getByRole('textbox', { name: 'IP range' }).fill('10.0.0.0/8');
    await page.getByRole('button', { name: 'Create', exact: true }).click();

    const dialog = page.getByRole('dialog', { name: 'OAuth application created' });
    clientId = await dialog.getByRole('textbox', { name: 'Client ID' }).inputValue();
    clientSecret = await dialog.getByRole('textbox', { name: 'Client Secret' }).inputValue();
    await closeUncopiedCredentials(dialog);
    await expect(page).toHaveURL(/\/admin\/oauth-applications\/\d+\/show$/);
    const applicationPath = new URL(page.url()).pathname.replace('/admin/', '/admin/api/').replace(/\/show$/, '');
    cleanUp = (api) => api.delete(applicationPath);
  });

  await test.step('the Security section shows the range, and a request from 127.0.0.1 is refused', async () => {
    await expect(security.getByText('10.0.0.0/8', { exact: true })).toBeVisible();
    await expect(security).toContainText(/Recent wrong secrets\s*0/);
    expect(await requestToken(page, clientId, clientSecret)).toEqual(REFUSED);
  });

  await test.step('allowing 127.0.0.1/32 in the edit form lets the request through', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    const range = page.getByRole('textbox', { name: 'IP range' });
    await expect(range).toHaveValue('10.0.0.0/8');
    await range.fill('127.0.0.1/32');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(/\/admin\/oauth-applications\/\d+\/show$/);
    await expect(security.getByText('127.0.0.1/32', { exact: true })).toBeVisible();
    await expect(security.getByText('10.0.0.0/8', { exact: true })).toHaveCount(0);
    expect(await requestToken(page, clientId, clientSecret)).toEqual(GRANTED);
  });

  await test.step(`${MAX_FAILURES} wrong secrets throttle the address they came from, even against the right secret`, async () => {
    for (let attempt = 1; attempt <= MAX_FAILURES; attempt++) {
      expect(await requestToken(page, clientId, `wrong-${attempt}`)).toEqual(REFUSED);
    }
    expect(await requestToken(page, clientId, clientSecret)).toEqual(THROTTLED);
    await page.reload();
    await expect(throttledWarning).toContainText(/^Throttled until .+: client addresses that sent too many wrong secrets are refused/);
    await expect(throttledWarning).toContainText('Its clients at other addresses are not affected.');
    await expect(security).toContainText(new RegExp(`Recent wrong secrets\\s*${MAX_FAILURES}`));
    await security.screenshot({ path: testInfo.outputPath('application-security-throttled.png') });
  });

  await test.step('the grid marks it as throttled', async () => {
    await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row.getByText('Throttled', { exact: true })).toBeVisible();
    await row.getByRole('cell', { name, exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/oauth-applications\/\d+\/show$/);
  });

  await test.step('unlocking asks first, then the right secret gets a token again', async () => {
    await throttledWarning.getByRole('button', { name: 'Unlock' }).click();
    const confirm = page.getByRole('dialog', { name: 'Unlock OAuth application' });
    await expect(confirm).toContainText(`Unlock “${name}”? Every client address it throttles may try again at once`);
    await confirm.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByText('OAuth application unlocked')).toBeVisible();
    await expect(throttledWarning).toHaveCount(0);
    await expect(security).toContainText(/Recent wrong secrets\s*0/);
    expect(await requestToken(page, clientId, clientSecret)).toEqual(GRANTED);
  });

  await test.step('the Audit Log, searched by the application name, shows each change with its before and after', async () => {
    await openFromMenu(page, 'System', 'Audit Log');
    await expect(page).toHaveURL(/\/admin\/audit-events(\?.*)?$/);
    await page.getByRole('textbox', { name: 'Actor or target', exact: true }).fill(name);
    const rows = page.getByRole('row').filter({ hasText: name });
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText('Application unlocked');
    await expect(rows.nth(1)).toContainText('Application updated');
    await expect(rows.nth(2)).toContainText('Application created');
    for (let index = 0; index < 3; index++) {
      await expect(rows.nth(index)).toContainText(ADMIN_USERNAME);
      await expect(rows.nth(index)).toContainText('127.0.0.1');
    }

    const updated = rows.filter({ hasText: 'Application updated' });
    const showChanges = updated.getByRole('button', { name: 'Show changes' });
    await showChanges.click();
    const changes = page.getByRole('table', { name: `Changes: Application updated, ${name}` });
    const ipRanges = changes.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Allowed IP ranges' }) });
    await expect(ipRanges.getByRole('cell').nth(0)).toHaveText('10.0.0.0/8');
    await expect(ipRanges.getByRole('cell').nth(1)).toHaveText('127.0.0.1/32');
    await expect(updated.getByRole('button', { name: 'Hide changes' })).toHaveAttribute('aria-expanded', 'true');

    const unlocked = page.getByRole('table', { name: `Changes: Application unlocked, ${name}` });
    await rows.filter({ hasText: 'Application unlocked' }).getByRole('button', { name: 'Show changes' }).click();
    const failures = unlocked.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Recent wrong secrets' }) });
    await expect(failures.getByRole('cell').nth(0)).toHaveText(String(MAX_FAILURES));
    await expect(failures.getByRole('cell').nth(1)).toHaveText('0');
    await page.screenshot({ path: testInfo.outputPath('audit-log.png'), fullPage: true });
  });

  await test.step('the action filter narrows the log to one kind of change', async () => {
    const action = page.getByRole('combobox', { name: 'Action' });
    await action.click();
    await page.getByRole('option', { name: 'Application unlocked' }).click();
    const rows = page.getByRole('row').filter({ hasText: name });
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText('Application unlocked');
  });

  await test.step('From and To take whole days of the local calendar; a range without events says so', async () => {
    const today = new Date();
    const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
    const from = page.getByRole('textbox', { name: 'From', exact: true });
    const to = page.getByRole('textbox', { name: 'To', exact: true });
    const rows = page.getByRole('row').filter({ hasText: name });
    await from.fill(dateInputValue(today));
    await to.fill(dateInputValue(today));
    await expect(rows).toHaveCount(1);
    await to.fill(dateInputValue(yesterday));
    await expect(page.getByText('No recorded event matches these filters.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(rows).toHaveCount(3);
    await expect(from).toHaveValue('');
  });
});
