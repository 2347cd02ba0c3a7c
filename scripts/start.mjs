// `npm start`: build what is missing or stale (Nx replays unchanged builds from its cache),
// then run the API, which migrates the database and serves the console at /admin.
// `npm run migrate` (`--migrate-only`): apply pending migrations to DATABASE_URL and exit.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const migrateOnly = process.argv.includes('--migrate-only');

const build = spawnSync(
  process.execPath,
  ['node_modules/nx/dist/bin/nx.js', 'run-many', '-t', 'build', '-p', migrateOnly ? 'api' : 'api,admin', '--output-style=static'],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
);
if (build.status !== 0) {
  process.stderr.write('keyhouse: the build failed (see above)\n');
  process.exit(1);
}

const entry = migrateOnly ? 'dist/api/apps/api/src/migrate.js' : 'dist/api/apps/api/src/main.js';
const server = spawn(process.execPath, ['--enable-source-maps', entry], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
