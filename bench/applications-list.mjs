// Benchmark: the OAuth Applications grid over 100,000 applications on MySQL/MariaDB.
//   npm run bench:applications            (uses the test account scripts/prepare-test-services.sh creates)
//   BENCH_MYSQL_URL=mysql://user:pass@host:3306/keyhouse_bench npm run bench:applications
// Starts the built API on a fresh database, seeds it with bulk inserts, then times each grid
// query over HTTP, sequentially, and prints p50 / p95 / max per query.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';

const SERVER = process.env.BENCH_MYSQL_URL ?? 'mysql://keyhouse_test:keyhouse_test@127.0.0.1:3306/keyhouse_test_bench';
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
const SAMPLES = 40;
const PORT = 4390;
const PASSWORD = 'bench-admin-password';

const url = new URL(SERVER);
const database = url.pathname.slice(1);
const server = { host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };

async function main() {
  const admin = await createConnection(server);
  await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
  await admin.end();

  const api = spawn(process.execPath, ['dist/api/apps/api/src/main.js'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_URL: SERVER, ADMIN_PASSWORD: PASSWORD, OAUTH_GENERATE_KEYS: 'false', NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitUntilReady();
    const seconds = await seed();
    console.log(`seeded ${APPLICATIONS.toLocaleString('en')} applications in ${seconds.toFixed(1)} s`);
    await measure();
  } finally {
    api.kill('SIGTERM');
    // BENCH_KEEP=1 leaves the seeded database for EXPLAIN and friends.
    if (!process.env.BENCH_KEEP) {
      const cleanup = await createConnection(server);
      await cleanup.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await cleanup.end();
    }
  }
}

async function waitUntilReady() {
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/health/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the API did not become ready');
}

/** Two organizations the admin belongs to, 200 owners, and the applications spread over them. */
async function seed() {
  const started = performance.now();
  const db = await createConnection({ ...server, database });
  await db.query(`INSERT INTO organizations (name) VALUES ('Bench Org')`);
  await db.query(`INSERT INTO user_organizations (userId, organizationId) SELECT 1, id FROM organizations WHERE name = 'Bench Org'`);
  const users = Array.from({ length: 200 }, (_, i) => [`owner${i}`, `owner${i}@bench.test`, 'Owner', `${i}`, 'x']);
  await db.query('INSERT INTO users (username, email, firstName, lastName, passwordHash) VALUES ?', [users]);
  await db.query('INSERT INTO user_organizations (userId, organizationId) SELECT u.id, o.id FROM users u, organizations o WHERE u.username LIKE ?', ['owner%']);
  const [owners] = await db.query(`SELECT id FROM users WHERE username LIKE 'owner%'`);
  const grants = ['client_credentials', 'password', 'authorization_code,password', 'client_credentials,password'];
  const words = ['Sync', 'ERP', 'Billing', 'Mobile', 'Warehouse', 'Reports', 'CRM', 'Shop', 'Export', 'Import'];
  const batch = 5000;
  for (let start = 0; start < APPLICATIONS; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(start + batch, APPLICATIONS); i++) {
      const grant = grants[i % grants.length];
      rows.push([
        1 + (i % 2),
        `${words[i % words.length]} ${words[(i * 7) % words.length]} ${i}`,
        `bench-app-${i}`,
        i % 7 !== 0,
        grant,
        grant.includes('client_credentials') ? owners[i % owners.length].id : null,
        grant.includes('authorization_code') ? '["https://app.example.com/cb"]' : '[]',
        '[]',
        randomBytes(16).toString('hex'),
        new Date(Date.UTC(2026, 0, 1) + i * 60_000),
        i % 3 === 0 ? null : new Date(Date.UTC(2026, 5, 1) + i * 30_000),
      ]);
    }
    await db.query(
      'INSERT INTO oauth_applications (organizationId, name, slug, active, grants, userId, redirectUris, scopes, clientId, createdAt, lastUsedAt) VALUES ?',
      [rows],
    );
  }
  await db.query('ANALYZE TABLE oauth_applications');
  await db.end();
  return (performance.now() - started) / 1000;
}

async function measure() {
  const signIn = await fetch(`http://127.0.0.1:${PORT}/admin/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  const cookie = signIn.headers.getSetCookie()[0].split(';')[0];
  const owner = 50;
  const queries = {
    'first page, by name': { sort: ['name', 'ASC'], range: [0, 24] },
    'newest first': { sort: ['createdAt', 'DESC'], range: [0, 24] },
    'last used first': { sort: ['lastUsedAt', 'DESC'], range: [0, 24] },
    'status: inactive': { filter: { active: false }, sort: ['name', 'ASC'], range: [0, 24] },
    'grant: password': { filter: { grant: 'password' }, sort: ['name', 'ASC'], range: [0, 24] },
    'name contains "billing"': { filter: { name: 'billing' }, sort: ['name', 'ASC'], range: [0, 24] },
    'one owner': { filter: { userId: owner, frontend: false }, sort: ['name', 'ASC'], range: [0, 24] },
    'one organization': { filter: { organizationId: 2 }, sort: ['name', 'ASC'], range: [0, 24] },
    'grant + status + name': { filter: { grant: 'client_credentials', active: true, name: 'sync' }, sort: ['createdAt', 'DESC'], range: [0, 24] },
    'page 2,000 (offset 50,000)': { sort: ['name', 'ASC'], range: [50_000, 50_024] },
  };
  console.log(`\n${'query'.padEnd(30)} ${'total'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
  for (const [name, params] of Object.entries(queries)) {
    const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, JSON.stringify(v)]));
    const times = [];
    let total = '';
    for (let i = 0; i < SAMPLES + 3; i++) {
      const started = performance.now();
      const answer = await fetch(`http://127.0.0.1:${PORT}/admin/api/oauth-applications?${search}`, { headers: { cookie } });
      await answer.arrayBuffer();
      const elapsed = performance.now() - started;
      if (answer.status !== 200) throw new Error(`${name}: HTTP ${answer.status}`);
      total = answer.headers.get('content-range').split('/')[1];
      if (i >= 3) times.push(elapsed); // the first few warm the caches
    }
    times.sort((a, b) => a - b);
    const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
    console.log(`${name.padEnd(30)} ${total.padStart(8)} ${at(0.5).padStart(8)} ${at(0.95).padStart(8)} ${times.at(-1).toFixed(1).padStart(8)}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
