// Benchmark: client_credentials at POST /oauth2-token, side by side with the signing ceiling.
//   npm run bench:tokens                      one server core (the default)
//   npm run bench:tokens -- --every-core      every core: WORKERS=auto against a node:cluster ceiling
//   npm run bench:tokens -- --algorithms      one core, per signing algorithm (OAUTH_SIGNING_ALG)
//   npm run bench:tokens -- --all             the three, one after the other
// BENCH_ROUNDS (default 4) interleaved rounds of BENCH_SECONDS (default 10) per server, each
// after a BENCH_WARMUP (default 2) s warm-up; every figure printed is the median over the rounds.
// The servers:
//   - keyhouse:      the built API (NODE_ENV=production) on the embedded SQLite database, one application
//   - reference:     plain node:http signing the same token, no database (bench/servers/reference-server.mjs)
//   - oidc-provider: the npm package issuing JWT client_credentials tokens, in-memory store (one core only)
// The load generator is autocannon with 50 connections, in this process.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { startKeyhouse, startOidcProvider, startReference } from './support/servers.mjs';

const SERVER_CORE = process.env.BENCH_SERVER_CORE ?? '1';
const LOAD_CORE = process.env.BENCH_LOAD_CORE ?? '0';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const CONNECTIONS = 50;
const ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];
/** Linux counts process CPU time in clock ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100;

const MODES = { 'one-core': oneCore, 'every-core': everyCore, algorithms };

async function main() {
  const flag = process.argv.slice(2).find((arg) => arg.startsWith('--'))?.slice(2) ?? process.env.BENCH_MODE ?? 'one-core';
  const modes = flag === 'all' ? Object.keys(MODES) : [flag];
  for (const mode of modes) {
    if (!MODES[mode]) throw new Error(`unknown mode --${mode}: use --every-core, --algorithms or --all (or none: one core)`);
    await MODES[mode]();
  }
}

/** The servers pinned to one core, the load generator to another. */
async function oneCore() {
  pinLoadGenerator();
  const results = await compare([
    { name: 'keyhouse', start: (port) => startKeyhouse({ port, pin: SERVER_CORE, env: { WORKERS: '1' } }) },
    { name: 'reference (node:http + RS256)', start: (port) => startReference({ port, pin: SERVER_CORE }) },
    { name: 'oidc-provider', start: (port) => startOidcProvider({ port, pin: SERVER_CORE }) },
  ]);
  heading(`one server core (taskset -c ${SERVER_CORE}), load generator on core ${LOAD_CORE}`);
  table(results);
  const [keyhouse, reference, provider] = results;
  console.log('');
  ratio('keyhouse / reference', keyhouse, reference, 'target >= 0.85x');
  ratio('keyhouse / oidc-provider', keyhouse, provider, 'target >= 1.3x');
  console.log(`keyhouse p99                 ${keyhouse.p99} ms (target < 50 ms)`);
}

/** Every core for the servers, none pinned: the load generator competes with them. */
async function everyCore() {
  unpinLoadGenerator();
  const workers = availableParallelism();
  const results = await compare([
    { name: 'keyhouse, WORKERS=auto', start: (port) => startKeyhouse({ port, env: { WORKERS: 'auto' } }) },
    { name: `reference, cluster of ${workers}`, start: (port) => startReference({ port, workers }) },
  ]);
  heading(`every core: ${workers} workers each, nothing pinned; the load generator (one process) shares the same ${workers} cores, so both figures are below what the servers alone would reach`);
  table(results);
  console.log('');
  ratio('keyhouse / reference', results[0], results[1], 'target >= 0.85x');
  console.log(`keyhouse p99                 ${results[0].p99} ms (target < 50 ms)`);
}

/** One core, per signing algorithm: Keyhouse with OAUTH_SIGNING_ALG against the ceiling with the same algorithm. */
async function algorithms() {
  pinLoadGenerator();
  const rows = [];
  for (const alg of ALGORITHMS) {
    const [keyhouse, reference] = await compare([
      { name: `keyhouse ${alg}`, alg, start: (port) => startKeyhouse({ port, pin: SERVER_CORE, env: { WORKERS: '1', OAUTH_SIGNING_ALG: alg } }) },
      { name: `reference ${alg}`, alg, start: (port) => startReference({ port, pin: SERVER_CORE, alg }) },
    ]);
    rows.push({ alg, keyhouse, reference });
  }
  heading(`per signing algorithm, one server core (taskset -c ${SERVER_CORE}), load generator on core ${LOAD_CORE}`);
  console.log(`${'algorithm'.padEnd(10)} ${'keyhouse req/s'.padStart(15)} ${'p99 ms'.padStart(7)} ${'reference req/s'.padStart(16)} ${'p99 ms'.padStart(7)} ${'ratio'.padStart(6)}`);
  for (const { alg, keyhouse, reference } of rows) {
    const cells = [fixed(keyhouse.rps).padStart(15), String(keyhouse.p99).padStart(7), fixed(reference.rps).padStart(16), String(reference.p99).padStart(7)];
    console.log(`${alg.padEnd(10)} ${cells.join(' ')} ${`${(keyhouse.rps / reference.rps).toFixed(2)}x`.padStart(6)}`);
  }
}

/**
 * Starts every server, then runs ROUNDS rounds in which each is driven in turn (the order
 * shifting by one each round, so none always runs first), and answers each server's medians.
 */
async function compare(servers) {
  const started = [];
  try {
    for (const [index, server] of servers.entries()) {
      const running = await server.start(4391 + index);
      started.push(running);
      if (server.alg) expectAlgorithm(server.name, await tokenHeader(running.request), server.alg);
    }
    const rounds = servers.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (let turn = 0; turn < servers.length; turn++) {
        const index = (round + turn) % servers.length;
        rounds[index].push(await measure(servers[index].name, started[index]));
      }
    }
    return servers.map((server, index) => summarize(server.name, rounds[index]));
  } finally {
    await Promise.all(started.map((server) => server.stop()));
  }
}

async function measure(name, server) {
  await autocannon({ ...server.request, connections: CONNECTIONS, duration: WARMUP });
  const cpuBefore = cpuTicks(server.child.pid);
  const result = await autocannon({ ...server.request, connections: CONNECTIONS, duration: DURATION });
  const cpuSeconds = (cpuTicks(server.child.pid) - cpuBefore) / TICKS_PER_SECOND;
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuPerToken: (cpuSeconds / result.requests.total) * 1e6 };
}

function summarize(name, rounds) {
  const of = (key) => median(rounds.map((round) => round[key]));
  return { name, rounds, rps: of('rps'), p50: of('p50'), p99: of('p99'), cpuPerToken: of('cpuPerToken') };
}

/**
 * CPU time (user + system) of a process and all its descendants, in clock ticks: a cluster's
 * workers are its children. Read from /proc, so only on Linux; elsewhere 0 (and no CPU column).
 */
function cpuTicks(rootPid) {
  let stats;
  try {
    stats = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(readStat)
      .filter(Boolean);
  } catch {
    return 0;
  }
  const children = new Map();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  let total = 0;
  const pending = stats.filter((stat) => stat.pid === rootPid);
  while (pending.length) {
    const stat = pending.pop();
    total += stat.ticks;
    pending.push(...(children.get(stat.pid) ?? []));
  }
  return total;
}

/** pid, parent pid and user + system ticks from /proc/<pid>/stat; undefined if the process is gone. */
function readStat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: fields are counted after it.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** The header of one token the server issues, to check it signs with the algorithm asked for. */
async function tokenHeader(request) {
  const answer = await (await fetch(request.url, request)).json();
  return JSON.parse(Buffer.from(answer.access_token.split('.')[0], 'base64url').toString('utf8'));
}

function expectAlgorithm(name, header, alg) {
  if (header.alg !== alg) throw new Error(`${name}: the token is signed ${header.alg}, not ${alg} (does this build read OAUTH_SIGNING_ALG?)`);
}

function pinLoadGenerator() {
  execFileSync('taskset', ['-cp', LOAD_CORE, String(process.pid)], { stdio: 'ignore' });
}

function unpinLoadGenerator() {
  execFileSync('taskset', ['-cp', `0-${availableCores() - 1}`, String(process.pid)], { stdio: 'ignore' });
}

/** The machine's cores, not this process's affinity (which availableParallelism follows). */
function availableCores() {
  return Number(execFileSync('nproc', ['--all'], { encoding: 'utf8' }).trim());
}

function heading(text) {
  console.log(`\nclient_credentials, ${CONNECTIONS} connections, median of ${ROUNDS} interleaved rounds of ${DURATION} s; ${text}\n`);
}

function table(results) {
  console.log(`${'server'.padEnd(32)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'CPU µs/token'.padStart(13)}   req/s per round`);
  for (const r of results) {
    const cells = [fixed(r.rps).padStart(8), String(r.p50).padStart(7), String(r.p99).padStart(7), (r.cpuPerToken ? fixed(r.cpuPerToken) : '-').padStart(13)];
    console.log(`${r.name.padEnd(32)} ${cells.join(' ')}   ${r.rounds.map((round) => fixed(round.rps)).join(' / ')}`);
  }
}

/**
 * The ratio of the medians, then the same per round (rounds are paired by number, each pair run
 * close together in time): their median and spread show how much the machine moved meanwhile.
 */
function ratio(label, a, b, target) {
  const perRound = a.rounds.map((round, index) => round.rps / b.rounds[index].rps);
  const rounds = perRound.length > 1 ? `; per round ${median(perRound).toFixed(2)}x, ${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)}` : '';
  console.log(`${label.padEnd(28)} ${(a.rps / b.rps).toFixed(2)}x (${target}${rounds})`);
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const fixed = (value) => value.toFixed(0);

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
