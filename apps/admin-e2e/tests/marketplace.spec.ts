import type {
  CreatedOAuthApplicationDto,
  CustomerUserDto,
  OAuthApplicationInput,
  OAuthInstallationDto,
  UserDto,
} from '@keyhouse/shared-contracts';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';

import { type ConsoleApi, signedInApi } from '../src/api';
import { openFromMenu, signIn } from '../src/console';
import { ADMIN_FULL_NAME, ADMIN_PASSWORD, ADMIN_USERNAME, MARKETPLACE_BASE_URL } from '../src/fixtures';
import { startTestClient, type TestClient, type TestClientOptions } from '../src/test-client';

// A server of its own: these flows add users and installations the other specs must not see.
test.use({ baseURL: MARKETPLACE_BASE_URL });

const ADMIN = { username: ADMIN_USERNAME, password: ADMIN_PASSWORD };

let clients: TestClient[] = [];
let registered: number[] = [];

// Each test registers its applications under fixed names: they go, passed or failed, so that a
// retry can register them again.
test.afterEach(async ({ request }) => {
  await Promise.all(clients.map((client) => client.close()));
  clients = [];
  if (registered.length === 0) return;
  const api = await signedInApi(request, ADMIN);
  for (const id of registered) await api.delete(`/admin/api/oauth-applications/${id}`);
  registered = [];
});

async function startClient(options: Omit<TestClientOptions, 'issuer'>): Promise<TestClient> {
  const client = await startTestClient({ ...options, issuer: MARKETPLACE_BASE_URL });
  clients.push(client);
  return client;
}

interface Setup {
  api: ConsoleApi;
  /** The administrator's (only) organization. */
  organizationId: number;
}

async function asAdministrator(request: APIRequestContext): Promise<Setup> {
  const api = await signedInApi(request, ADMIN);
  return { api, organizationId: api.session.user.organizationIds[0] };
}

/** Registers an authorization code application for the client and gives the client its credentials. */
async function registerApplication(
  api: ConsoleApi,
  client: TestClient,
  input: Omit<OAuthApplicationInput, 'grants' | 'redirectUris'>,
): Promise<CreatedOAuthApplicationDto> {
  const application = await api.post<CreatedOAuthApplicationDto>('/admin/api/oauth-applications', {
    grants: ['authorization_code'],
    redirectUris: [client.redirectUri],
    ...input,
  } satisfies OAuthApplicationInput);
  registered.push(application.id);
  client.register(application.clientId, application.clientSecret);
  return application;
}

async function expectConnected(page: Page, organizationId: number): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Connected to Keyhouse' })).toBeVisible();
  await expect(page.getByRole('definition').first()).toHaveText(String(organizationId));
}

/** After an uninstall: the back-office access token is refused at once, and so is the refresh token. */
async function expectTokensRefused(client: TestClient): Promise<void> {
  expect((await client.callApi('/admin/api/me')).status).toBe(401);
  const refresh = await client.refresh();
  expect(refresh.status).toBe(400);
  expect(refresh.body['error']).toBe('invalid_grant');
}

const signInPage = (page: Page) => page.getByRole('heading', { name: 'Sign in' });
const consentPage = (page: Page, application: string) => page.getByRole('heading', { name: `Authorize ${application}` });

test('Gorgias-style: "Install app" opens the app\'s install URL for the organization, then consent, code and tokens; Uninstall stops them', async ({
  page,
  request,
}, testInfo) => {
  const { api, organizationId } = await asAdministrator(request);
  const client = await startClient({ name: 'Gorgias', scope: 'orders:read', pkce: true, clientAuth: 'body' });
  await registerApplication(api, client, { name: 'Gorgias', scopes: ['orders:read', 'customers:read'], installUrl: client.installUrl });
  const grid = page.getByRole('table');
  const row = grid.getByRole('row').filter({ hasText: 'Gorgias' });

  // The first test of the file, on a new database: nothing is installed yet.
  await test.step('Integrations > Installed Apps starts empty, with a way to install one', async () => {
    await page.goto('/admin');
    await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
    await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN_FULL_NAME}` })).toBeVisible();
    await openFromMenu(page, 'Integrations', 'Installed Apps');
    await expect(page).toHaveURL(/\/admin\/oauth-installations(\?.*)?$/);
    await expect(page.getByText('No apps installed yet')).toBeVisible();
  });

  await test.step('the install dialog finds the app by name and says where it goes next', async () => {
    await page.getByRole('button', { name: 'Install app' }).click();
    const dialog = page.getByRole('dialog', { name: 'Install app' });
    const install = dialog.getByRole('button', { name: 'Install' });
    await expect(install).toBeDisabled();
    await dialog.getByRole('combobox', { name: 'App' }).fill('gorg');
    await page.getByRole('option', { name: /Gorgias/ }).click();
    await expect(dialog).toContainText('orders:read');
    await expect(dialog).toContainText(`You will continue on ${new URL(client.url).host}`);
    await expect(install).toBeEnabled();
    await page.screenshot({ path: testInfo.outputPath('install-app-dialog.png') });
    await install.click();
  });

  await test.step('the app gets the organization, starts the authorization, and the user allows it', async () => {
    await expect(consentPage(page, 'Gorgias')).toBeVisible();
    expect(client.installedFor).toEqual([String(organizationId)]);
    await expect(page.getByRole('main')).toContainText('orders:read');
    await page.getByRole('button', { name: 'Allow' }).click();
    await expectConnected(page, organizationId);
    const tokens = client.tokens();
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.organization_id).toBe(organizationId);
    expect(tokens.refresh_token).toBeTruthy();
    const me = await client.callApi('/admin/api/me');
    expect(me.status).toBe(200);
    expect(me.body['username']).toBe(ADMIN_USERNAME);
  });

  await test.step('Installed Apps lists it: who installed it, with which scopes, when', async () => {
    await page.goto('/admin/oauth-installations');
    await expect(row).toContainText(ADMIN_FULL_NAME);
    await expect(row).toContainText('orders:read');
    const columns = (await grid.getByRole('columnheader').allInnerTexts()).map((text) => text.trim());
    // One organization: no Organization column, as on the applications grid.
    expect(columns).toEqual(['Application', 'Installed by', 'Scopes', 'Installed', 'Last changed', 'Actions']);
    await page.screenshot({ path: testInfo.outputPath('installed-apps.png'), fullPage: true });
  });

  await test.step('Uninstall asks first, names the app and warns that its tokens stop at once', async () => {
    await row.getByRole('button', { name: 'Uninstall' }).click();
    const confirm = page.getByRole('dialog', { name: 'Uninstall app' });
    await expect(confirm).toContainText('“Gorgias”');
    await expect(confirm).toContainText('stops working immediately');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await expect(row).toBeVisible();

    await row.getByRole('button', { name: 'Uninstall' }).click();
    await confirm.getByRole('button', { name: 'Uninstall' }).click();
    await expect(page.getByText('No apps installed yet')).toBeVisible();
  });

  await test.step('the app\'s access token and refresh token are refused', async () => {
    await expectTokensRefused(client);
  });
});

test('Cinode-style: a user signs in at the authorize URL, consents, the app exchanges the code with HTTP Basic and refreshes; Disconnect stops it', async ({
  page,
  request,
}, testInfo) => {
  const { api, organizationId } = await asAdministrator(request);
  const user = { username: 'ellen.ripley', password: 'Nostromo-180924!' };
  await api.post<UserDto>('/admin/api/users', {
    ...user,
    email: 'ellen.ripley@example.com',
    firstName: 'Ellen',
    lastName: 'Ripley',
    organizationIds: [organizationId],
    roles: ['ROLE_USER'],
  });
  const client = await startClient({ name: 'Cinode', scope: 'orders:read', pkce: false, clientAuth: 'basic' });
  await registerApplication(api, client, { name: 'Cinode', scopes: ['orders:read'] });
  const card = page.getByRole('article', { name: 'Cinode' });

  await test.step('the app sends the user to Keyhouse, which asks them to sign in first', async () => {
    await page.goto(client.url);
    await page.getByRole('link', { name: 'Connect with Keyhouse' }).click();
    await expect(signInPage(page)).toBeVisible();
    await expect(page).toHaveURL(/\/oauth2-token\/sign-in/);
    await page.getByLabel('Username or email').fill(user.username);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  });

  await test.step('the consent page names the app, its publisher, the scopes and the organization', async () => {
    await expect(consentPage(page, 'Cinode')).toBeVisible();
    const main = page.getByRole('main');
    await expect(main).toContainText('orders:read');
    await expect(main).toContainText('Default Organization');
    await expect(page.getByRole('button', { name: 'Deny' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('consent-page.png'), fullPage: true });
    await page.getByRole('button', { name: 'Allow' }).click();
  });

  await test.step('the code reaches the callback; the exchange answers the organization; the token acts as the user', async () => {
    await expectConnected(page, organizationId);
    expect(client.tokens().organization_id).toBe(organizationId);
    const me = await client.callApi('/admin/api/me');
    expect(me.status).toBe(200);
    expect(me.body['username']).toBe(user.username);
  });

  await test.step('a refresh rotates both tokens', async () => {
    const before = client.tokens();
    const refreshed = await client.refresh();
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['access_token']).not.toBe(before.access_token);
    expect(refreshed.body['refresh_token']).not.toBe(before.refresh_token);
    expect((await client.callApi('/admin/api/me')).status).toBe(200);
  });

  await test.step('signed in at Keyhouse is signed in to the console, where Connected Apps shows the app', async () => {
    await page.goto('/admin');
    await openFromMenu(page, 'Integrations', 'Connected Apps');
    await expect(page).toHaveURL(/\/admin\/connected-apps(\?.*)?$/);
    // No oauth_installations.view: the user has only their own apps, not the organization's.
    await expect(page.getByRole('menuitem', { name: 'Installed Apps' })).toHaveCount(0);
    await expect(card).toContainText('Default Organization');
    await expect(card).toContainText('orders:read');
    await page.screenshot({ path: testInfo.outputPath('connected-apps.png'), fullPage: true });
  });

  await test.step('Disconnect asks first, then the app is gone from the list', async () => {
    await card.getByRole('button', { name: 'Disconnect' }).click();
    const confirm = page.getByRole('dialog', { name: 'Disconnect app' });
    await expect(confirm).toContainText('“Cinode”');
    await expect(confirm).toContainText('stop working immediately');
    await confirm.getByRole('button', { name: 'Disconnect' }).click();
    await expect(page.getByText('No connected apps')).toBeVisible();
  });

  await test.step('the app\'s access token and refresh token are refused', async () => {
    await expectTokensRefused(client);
  });
});

test('a storefront customer user signs in on the customer page, denies, then allows a storefront app (a public client with PKCE)', async ({
  page,
  request,
}) => {
  const { api, organizationId } = await asAdministrator(request);
  const customer = { email: 'shopper@example.com', password: 'Basket-of-7-apples!' };
  const created = await api.post<CustomerUserDto>('/admin/api/customer-users', {
    ...customer,
    organizationId,
    firstName: 'Sam',
    lastName: 'Shopper',
  });
  const client = await startClient({ name: 'Loyalty Points', scope: 'cart', pkce: true });
  const application = await registerApplication(api, client, {
    name: 'Loyalty Points',
    frontend: true,
    confidential: false,
    scopes: ['cart'],
  });
  expect(application.clientSecret).toBeNull();

  await test.step('customers sign in with their email', async () => {
    await page.goto(client.url);
    await page.getByRole('link', { name: 'Connect with Keyhouse' }).click();
    await expect(signInPage(page)).toBeVisible();
    await page.getByLabel('Email').fill(customer.email);
    await page.getByLabel('Password').fill(customer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  });

  await test.step('Deny sends the customer back with access_denied, and the app gets nothing', async () => {
    await expect(consentPage(page, 'Loyalty Points')).toBeVisible();
    await expect(page.getByRole('main')).toContainText('cart');
    await page.getByRole('button', { name: 'Deny' }).click();
    await expect(page.getByRole('alert')).toHaveText('Keyhouse answered access_denied.');
    expect(() => client.tokens()).toThrow();
  });

  await test.step('asked again, Allow gives the app tokens for the storefront API only', async () => {
    await page.goto(client.url);
    await page.getByRole('link', { name: 'Connect with Keyhouse' }).click();
    await expect(consentPage(page, 'Loyalty Points')).toBeVisible();
    await page.getByRole('button', { name: 'Allow' }).click();
    await expectConnected(page, organizationId);
    const me = await client.callApi('/api/me');
    expect(me.status).toBe(200);
    expect(me.body['email']).toBe(customer.email);
    // Not interchangeable: a storefront token is no back-office token.
    expect((await client.callApi('/admin/api/me')).status).toBe(401);
  });

  await test.step('the back office sees the customer\'s installation', async () => {
    const filter = encodeURIComponent(JSON.stringify({ customerUserId: created.id }));
    const installations = await api.get<OAuthInstallationDto[]>(`/admin/api/oauth-installations?filter=${filter}`);
    expect(installations.map((installation) => installation.application.name)).toEqual(['Loyalty Points']);
    expect(installations[0].subject.email).toBe(customer.email);
  });
});

test('the app-store start URL: sign-in, then the first redirect URI (no consent for a first-party app), or the app\'s install URL', async ({
  page,
  request,
}) => {
  const { api, organizationId } = await asAdministrator(request);
  const bookkeeping = await startClient({ name: 'Bookkeeping', pkce: false });
  const bookkeepingApp = await registerApplication(api, bookkeeping, { name: 'Bookkeeping', scopes: ['invoices:read'], firstParty: true });
  const helpdesk = await startClient({ name: 'Helpdesk', pkce: true });
  const helpdeskApp = await registerApplication(api, helpdesk, {
    name: 'Helpdesk',
    scopes: ['tickets:write'],
    installUrl: helpdesk.installUrl,
  });

  await test.step('without an install URL: sign in, and a first-party app gets its code without a consent page', async () => {
    await page.goto(`/oauth/start?integration_name=${bookkeepingApp.slug}`);
    await expect(signInPage(page)).toBeVisible();
    await page.getByLabel('Username or email').fill(ADMIN_USERNAME);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectConnected(page, organizationId);
    expect(page.url().startsWith(bookkeeping.redirectUri)).toBe(true);
    expect(bookkeeping.tokens().organization_id).toBe(organizationId);
  });

  await test.step('with an install URL: the app\'s install route, for the user\'s organization, then consent', async () => {
    await page.goto(`/oauth/start?integration_name=${helpdeskApp.slug}`);
    await expect(consentPage(page, 'Helpdesk')).toBeVisible();
    expect(helpdesk.installedFor).toEqual([String(organizationId)]);
    await page.getByRole('button', { name: 'Allow' }).click();
    await expectConnected(page, organizationId);
    expect((await helpdesk.callApi('/admin/api/me')).status).toBe(200);
  });
});

test('"Install app" for an app without install URL: Keyhouse installs it and sends the browser to the app with a code', async ({
  page,
  request,
}) => {
  const { api, organizationId } = await asAdministrator(request);
  const client = await startClient({ name: 'Nightly ERP', pkce: false });
  await registerApplication(api, client, { name: 'Nightly ERP', scopes: ['stock:read'] });

  await page.goto('/admin');
  await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await openFromMenu(page, 'Integrations', 'Installed Apps');
  await page.getByRole('button', { name: 'Install app' }).click();
  const dialog = page.getByRole('dialog', { name: 'Install app' });
  await dialog.getByRole('combobox', { name: 'App' }).fill('Nightly');
  await page.getByRole('option', { name: /Nightly ERP/ }).click();
  await expect(dialog).toContainText('takes you to the app');
  await dialog.getByRole('button', { name: 'Install' }).click();

  await expectConnected(page, organizationId);
  expect(client.tokens().organization_id).toBe(organizationId);
  expect((await client.callApi('/admin/api/me')).status).toBe(200);

  await page.goto('/admin/oauth-installations');
  await expect(page.getByRole('row').filter({ hasText: 'Nightly ERP' })).toContainText(ADMIN_FULL_NAME);
});
