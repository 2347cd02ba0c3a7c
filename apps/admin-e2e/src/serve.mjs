// Starts the built API on a fresh database for the browser tests (Playwright's
// webServer). The connection settings (PORT, HOST, ADMIN_USERNAME, ADMIN_EMAIL,
// ADMIN_PASSWORD) and OAUTH_GENERATE_KEYS come from playwright.config.ts; this
// script owns the state directory (its argument, tmp/e2e by default), which it
// empties first so every run begins from the seed, and keeps the key pair there.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));
const stateDir = process.argv[2] ?? 'tmp/e2e';
const apiMain = 'dist/api/apps/api/src/main.js';

process.chdir(workspaceRoot);

if (!stateDir.startsWith('tmp/')) {
  // It is deleted below: only ever a throw-away directory.
  console.error(`state directory ${stateDir} must be under tmp/.`);
  process.exit(1);
}
if (!existsSync(apiMain)) {
  console.error(`${apiMain} is missing: build the API first (npx nx build api).`);
  process.exit(1);
}

rmSync(stateDir, { recursive: true, force: true });
mkdirSync(stateDir, { recursive: true });

const api = spawn(process.execPath, [apiMain], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: `sqlite:${stateDir}/keyhouse.sqlite`,
    OAUTH_PRIVATE_KEY_PATH: `${stateDir}/oauth_private.key`,
    OAUTH_PUBLIC_KEY_PATH: `${stateDir}/oauth_public.key`,
    OAUTH_GENERATE_KEYS: process.env.OAUTH_GENERATE_KEYS ?? 'true',
  },
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => api.kill(signal));
}
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
