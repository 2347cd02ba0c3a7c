// Benchmark: client_credentials at POST /oauth2-token, on one server core.
//   npm run bench:tokens
// Each server runs pinned to core 1 (taskset); the load generator (autocannon, 50 connections,
// 10 s after a 2 s warm-up) runs here, pinned to core 0. Side by side in one run:
//   - keyhouse:      the built API on the embedded SQLite database, one application
//   - reference:     plain node:http signing the same RS256 token, no database (the ceiling)
//   - oidc-provider: the npm package issuing JWT client_credentials tokens, in-memory store
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const SERVER_CORE = process.env.BENCH_SERVER_CORE ?? '1';
const LOAD_CORE = process.env.BENCH_LOAD_CORE ?? '0';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

execFileSync('taskset', ['-cp', LOAD_CORE, String(process.pid)], { stdio: 'ignore' });

async function main() {
  const results = [];
  results.push(await measure('keyhouse', startKeyhouse));
  results.push(await measure('reference (node:http + RS256)', startReference));
  results.push(await measure('oidc-provider', startOidcProvider));
  report(results);
}

/** Starts a server, warms it up, drives it, stops it. */
async function measure(name, start) {
  const server = await start();
  try {
    await run(server.request, 2);
    const result = await run(server.request, DURATION);
    if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
    return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
  } finally {
    server.stop();
  }
}

function run(request, duration) {
  return autocannon({ ...request, connections: CONNECTIONS, duration });
}

function pinned(command, args, env) {
  return spawn('taskset', ['-c', SERVER_CORE, command, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function waitFor(url, init) {
  for (let i = 0; i < 300; i++) {
    if (await fetch(url, init).then((r) => r.status < 500, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}

const form = (clientId, secret, url) => ({
  url,
  method: 'POST',
  headers: {
    authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
    'content-type': 'application/x-www-form-urlencoded',
  },
  body: 'grant_type=client_credentials',
});

async function startKeyhouse() {
  const dir = mkdtempSync(join(tmpdir(), 'keyhouse-bench-'));
  const port = 4391;
  const child = pinned(process.execPath, ['dist/api/apps/api/src/main.js'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${join(dir, 'keyhouse.sqlite')}`,
    OAUTH_PRIVATE_KEY_PATH: join(dir, 'private.pem'),
    OAUTH_PUBLIC_KEY_PATH: join(dir, 'public.pem'),
    OAUTH_GENERATE_KEYS: 'true',
    ADMIN_PASSWORD: 'benchmark-admin-password',
    NODE_ENV: 'production',
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/health/ready`);
  const signIn = await fetch(`${base}/admin/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'benchmark-admin-password' }),
  });
  const { csrfToken } = await signIn.json();
  const created = await fetch(`${base}/admin/api/oauth-applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: signIn.headers.getSetCookie()[0].split(';')[0], 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'Benchmark', grants: ['client_credentials'], userId: 1 }),
  });
  const { clientId, clientSecret } = await created.json();
  return { request: form(clientId, clientSecret, `${base}/oauth2-token`), stop: () => child.kill('SIGTERM') };
}

async function startReference() {
  const port = 4392;
  const child = pinned(process.execPath, ['bench/servers/reference-server.mjs'], { PORT: String(port) });
  await waitFor(`http://127.0.0.1:${port}/`, { method: 'POST' });
  return { request: form('0123456789abcdef0123456789abcdef', 'x', `http://127.0.0.1:${port}/oauth2-token`), stop: () => child.kill('SIGTERM') };
}

async function startOidcProvider() {
  const port = 4393;
  const env = { PORT: String(port), CLIENT_ID: 'bench-client', CLIENT_SECRET: 'a'.repeat(43), NODE_ENV: 'production' };
  const child = pinned(process.execPath, ['bench/servers/oidc-provider-server.mjs'], env);
  const request = form(env.CLIENT_ID, env.CLIENT_SECRET, `http://127.0.0.1:${port}/token`);
  await waitFor(request.url, request);
  return { request, stop: () => child.kill('SIGTERM') };
}

function report(results) {
  const [keyhouse, reference, provider] = results;
  console.log(`\nclient_credentials, ${CONNECTIONS} connections, ${DURATION} s, server on one core (taskset -c ${SERVER_CORE})\n`);
  console.log(`${'server'.padEnd(32)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  for (const r of results) console.log(`${r.name.padEnd(32)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)}`);
  console.log(`\nkeyhouse / reference:     ${((keyhouse.rps / reference.rps) * 100).toFixed(0)}%  (target >= 85%)`);
  console.log(`keyhouse / oidc-provider: ${(keyhouse.rps / provider.rps).toFixed(2)}x  (target >= 1.3x)`);
  console.log(`keyhouse p99:             ${keyhouse.p99} ms  (target < 50 ms)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
