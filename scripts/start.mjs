// `npm start`: build what is missing or stale (Nx replays unchanged builds from its cache), then
// run the API, which migrates the database and serves the console at /admin.
// The same wrapper runs the operator commands:
//   node scripts/start.mjs migrate              (npm run migrate)     apply pending migrations and exit
//   node scripts/start.mjs cli <command> ...    (npm run keyhouse -- <command> ...) keys, applications,
//                                               users, cleanup; `npm run keys:rotate` is `cli keys rotate`
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES = {
  serve: { projects: 'api,admin', file: 'main.js' },
  migrate: { projects: 'api', file: 'migrate.js' },
  cli: { projects: 'api', file: 'cli.js' },
};
const command = process.argv[2] ?? 'serve';
const entry = ENTRIES[command];
if (!entry) {
  process.stderr.write(`keyhouse: unknown command "${command}" (expected ${Object.keys(ENTRIES).join(', ')})\n`);
  process.exit(1);
}

const build = spawnSync(
  process.execPath,
  ['node_modules/nx/dist/bin/nx.js', 'run-many', '-t', 'build', '-p', entry.projects, '--output-style=static'],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
);
if (build.status !== 0) {
  process.stderr.write('keyhouse: the build failed (see above)\n');
  process.exit(1);
}

const child = spawn(process.execPath, ['--enable-source-maps', `dist/api/apps/api/src/${entry.file}`, ...process.argv.slice(3)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)));
