/** Values the APIs under test are started with and the tests sign in with. */

export const HOST = '127.0.0.1';
// Overridable so two browser runs (say, a CI run and a local one) can share a machine.
export const PORT = Number(process.env['E2E_PORT'] ?? 4310);
export const BASE_URL = `http://${HOST}:${PORT}`;
/** The main API's database and key pair, relative to the workspace root (serve.mjs empties it at start). */
export const STATE_DIR = `tmp/e2e-${PORT}`;

/** A second API started without signing keys (and forbidden to generate them). */
export const NO_KEYS_PORT = PORT + 1;
export const NO_KEYS_BASE_URL = `http://${HOST}:${NO_KEYS_PORT}`;

export const ADMIN_USERNAME = 'admin';
/** Where the administrator's notification emails go. */
export const ADMIN_EMAIL = 'admin@example.com';
/** Fixed, so every run can sign in; only ever used against the throw-away e2e databases. */
export const ADMIN_PASSWORD = 'Kh-e2e!7rVqL2m#Zp9wX';
export const ADMIN_FULL_NAME = 'Keyhouse Administrator';

/**
 * A third API for the marketplace flows, which add users, customer users and installations that
 * the other specs' fresh-database checks (dashboard counts, empty grids) must not see. Its
 * issuer is the address the browser uses, so the `iss` of the redirects is what clients expect.
 */
export const MARKETPLACE_PORT = PORT + 2;
export const MARKETPLACE_BASE_URL = `http://${HOST}:${MARKETPLACE_PORT}`;

/**
 * A fourth API, signing its console in through the single sign-on test provider (tools/
 * sso-test-provider.mjs) at SSO_PROVIDER_PORT; its own, so the other specs' sign-in pages keep
 * their one button. Its issuer is the address the browser uses: the provider sends it back there.
 */
export const SSO_PORT = PORT + 3;
export const SSO_BASE_URL = `http://${HOST}:${SSO_PORT}`;
export const SSO_PROVIDER_PORT = PORT + 4;
export const SSO_PROVIDER_URL = `http://${HOST}:${SSO_PROVIDER_PORT}`;
/** The button's label: "Sign in with Acme ID". */
export const SSO_NAME = 'Acme ID';
export const SSO_CLIENT = { id: 'keyhouse-console', secret: 'e2e-sso-client-secret' };

/**
 * A fifth API for the first-load timing (first-load.spec.ts): a console as the issue describes
 * it, three organizations and thirty applications, which the other specs' servers must not see
 * (organizations cannot be deleted).
 */
export const FIRST_LOAD_PORT = PORT + 5;
export const FIRST_LOAD_BASE_URL = `http://${HOST}:${FIRST_LOAD_PORT}`;
