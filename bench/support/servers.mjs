// Starting and stopping the servers the token benchmarks drive: the built Keyhouse API, the
// reference signer and oidc-provider. Each start answers { request, stop }: the autocannon
// request that gets one client_credentials token, and a stop that resolves once the process is gone.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ADMIN_PASSWORD = 'benchmark-admin-password';

/**
 * `pin`: a core list for taskset, or undefined for none; `nodeArgs`: flags for node itself
 * (a CPU profile); `stdout`: where the server's own output goes ('ignore' or 'pipe').
 */
export async function startKeyhouse({ port, pin, env = {}, nodeArgs = [], stdout = 'ignore' }) {
  const dir = mkdtempSync(join(tmpdir(), 'keyhouse-bench-'));
  const child = launch(pin, [...nodeArgs, 'dist/api/apps/api/src/main.js'], stdout, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'keyhouse.sqlite')}`,
    OAUTH_PRIVATE_KEY_PATH: join(dir, 'private.pem'),
    OAUTH_PUBLIC_KEY_PATH: join(dir, 'public.pem'),
    OAUTH_GENERATE_KEYS: 'true',
    ADMIN_PASSWORD,
    NODE_ENV: 'production',
    NO_COLOR: '1',
    ...env,
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(child, `${base}/health/ready`);
  const signIn = await fetch(`${base}/admin/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const { csrfToken } = await signIn.json();
  const created = await fetch(`${base}/admin/api/oauth-applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: signIn.headers.getSetCookie()[0].split(';')[0], 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'Benchmark', grants: ['client_credentials'], userId: 1 }),
  });
  const { clientId, clientSecret } = await created.json();
  const request = form(clientId, clientSecret, `${base}/oauth2-token`);
  await expectToken(request);
  return { child, request, stop: () => stop(child).finally(() => rmSync(dir, { recursive: true, force: true })) };
}

/** The signing ceiling; `workers` > 1 runs it as a node:cluster of that many processes. */
export async function startReference({ port, pin, alg = 'RS256', workers = 1, env = {}, nodeArgs = [], stdout = 'ignore' }) {
  const child = launch(pin, [...nodeArgs, 'bench/servers/reference-server.mjs'], stdout, { PORT: String(port), ALG: alg, WORKERS: String(workers), ...env });
  const request = form('0123456789abcdef0123456789abcdef', 'x', `http://127.0.0.1:${port}/oauth2-token`);
  await waitFor(child, request.url, request);
  return { child, request, stop: () => stop(child) };
}

export async function startOidcProvider({ port, pin }) {
  const env = { PORT: String(port), CLIENT_ID: 'bench-client', CLIENT_SECRET: 'a'.repeat(43), NODE_ENV: 'production' };
  const child = launch(pin, ['bench/servers/oidc-provider-server.mjs'], 'ignore', env);
  const request = form(env.CLIENT_ID, env.CLIENT_SECRET, `http://127.0.0.1:${port}/token`);
  await waitFor(child, request.url, request);
  return { child, request, stop: () => stop(child) };
}

function launch(pin, args, stdout, env) {
  const [command, argv] = pin === undefined ? [process.execPath, args] : ['taskset', ['-c', pin, process.execPath, ...args]];
  return spawn(command, argv, { env: { ...process.env, ...env }, stdio: ['ignore', stdout, 'inherit', 'ipc'] });
}

/** SIGTERM, then the exit: the next server must not start while this one still drains. */
function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function waitFor(child, url, init) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with code ${child.exitCode}`);
    if (await fetch(url, init).then((r) => r.status < 500, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}

/** One token before any load: a benchmark of error answers would measure nothing useful. */
async function expectToken(request) {
  const answer = await fetch(request.url, request);
  if (answer.status !== 200) throw new Error(`${request.url}: ${answer.status} ${await answer.text()}`);
}

function form(clientId, secret, url) {
  return {
    url,
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  };
}
