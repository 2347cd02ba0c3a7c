import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  ADMIN_USERNAME,
  BASE_URL,
  FIRST_LOAD_BASE_URL,
  FIRST_LOAD_PORT,
  HOST,
  MARKETPLACE_BASE_URL,
  MARKETPLACE_PORT,
  NO_KEYS_BASE_URL,
  NO_KEYS_PORT,
  PORT,
  SSO_BASE_URL,
  SSO_CLIENT,
  SSO_NAME,
  SSO_PORT,
  SSO_PROVIDER_PORT,
  SSO_PROVIDER_URL,
  STATE_DIR,
} from './src/fixtures';

// Paths are spelled out so the config behaves the same from the workspace root
// (`playwright test -c apps/admin-e2e/playwright.config.ts`) and from here.
const workspaceRoot = path.resolve(__dirname, '../..');
// One folder per port, so concurrent runs never clobber each other's results.
const testOutput = path.join(__dirname, 'test-output', String(PORT));

interface ApiServerOptions {
  port: number;
  baseUrl: string;
  /** Emptied at start: the server's database and key pair. */
  stateDir: string;
  generateKeys: boolean;
  /** The `iss` of tokens and redirects; the server's default (`http://localhost:<port>`) otherwise. */
  issuer?: string;
  /** More settings (single sign-on's). */
  env?: Record<string, string>;
}

function apiServer({ port, baseUrl, stateDir, generateKeys, issuer, env = {} }: ApiServerOptions) {
  return {
    command: `node apps/admin-e2e/src/serve.mjs ${stateDir}`,
    cwd: workspaceRoot,
    url: `${baseUrl}/health/ready`,
    reuseExistingServer: false,
    timeout: 60_000,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
    env: {
      PORT: String(port),
      HOST,
      ADMIN_USERNAME,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      OAUTH_GENERATE_KEYS: String(generateKeys),
      ...(issuer ? { ISSUER: issuer } : {}),
      ...env,
    },
  };
}

const SSO_CALLBACK = `${SSO_BASE_URL}/admin/api/session/sso/callback`;

export default defineConfig({
  testDir: path.join(__dirname, 'tests'),
  outputDir: path.join(testOutput, 'results'),
  forbidOnly: Boolean(process.env.CI),
  // Each test is a whole user journey (sign-in, several pages, server round trips). On a busy
  // two-core machine one took three times its usual 10 s, past Playwright's 30 s default, so
  // the limits leave room for a slow machine; a broken step still fails, only later.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // One more attempt in CI, reported as flaky, so that a machine's bad minute is told apart
  // from a broken feature (which fails both times). Tests clean up after themselves either way.
  retries: process.env.CI ? 1 : 0,
  // Each API keeps one database for the whole run, and sign-in is rate limited.
  workers: 1,
  reporter: [['list'], ['html', { open: 'never', outputFolder: path.join(testOutput, 'report') }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        // Debian's chromium: Playwright never downloads browsers on these machines.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: [
    apiServer({ port: PORT, baseUrl: BASE_URL, stateDir: STATE_DIR, generateKeys: true }),
    // No key files and no permission to create them: the console's "keys missing" warning.
    apiServer({ port: NO_KEYS_PORT, baseUrl: NO_KEYS_BASE_URL, stateDir: `tmp/e2e-${NO_KEYS_PORT}-nokeys`, generateKeys: false }),
    // Its own database for the marketplace flows (see MARKETPLACE_PORT).
    apiServer({
      port: MARKETPLACE_PORT,
      baseUrl: MARKETPLACE_BASE_URL,
      stateDir: `tmp/e2e-${MARKETPLACE_PORT}-marketplace`,
      generateKeys: true,
      issuer: MARKETPLACE_BASE_URL,
    }),
    // Its own database for the first-load timing (see FIRST_LOAD_PORT).
    apiServer({ port: FIRST_LOAD_PORT, baseUrl: FIRST_LOAD_BASE_URL, stateDir: `tmp/e2e-${FIRST_LOAD_PORT}-first-load`, generateKeys: true }),
    // The single sign-on provider, then the API that signs in through it.
    {
      command: 'node tools/sso-test-provider.mjs',
      cwd: workspaceRoot,
      url: `${SSO_PROVIDER_URL}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
      env: { PORT: String(SSO_PROVIDER_PORT), CLIENT_ID: SSO_CLIENT.id, CLIENT_SECRET: SSO_CLIENT.secret, REDIRECT_URI: SSO_CALLBACK },
    },
    apiServer({
      port: SSO_PORT,
      baseUrl: SSO_BASE_URL,
      stateDir: `tmp/e2e-${SSO_PORT}-sso`,
      generateKeys: true,
      issuer: SSO_BASE_URL,
      env: {
        SSO_NAME,
        SSO_AUTHORIZATION_URL: `${SSO_PROVIDER_URL}/auth`,
        SSO_TOKEN_URL: `${SSO_PROVIDER_URL}/token`,
        SSO_USERINFO_URL: `${SSO_PROVIDER_URL}/me`,
        SSO_CLIENT_ID: SSO_CLIENT.id,
        SSO_CLIENT_SECRET: SSO_CLIENT.secret,
        SSO_SCOPE: 'openid email',
      },
    }),
  ],
});
