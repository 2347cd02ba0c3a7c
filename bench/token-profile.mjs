// Where the token endpoint's CPU goes: Keyhouse under the one-core benchmark's load, profiled.
//   npm run bench:tokens:profile                  Keyhouse
//   npm run bench:tokens:profile -- reference     the signing ceiling, for comparison
// The built API (embedded SQLite, NODE_ENV=production, WORKERS=1, one application) runs pinned to
// one core with a V8 CPU profiler started after a warm-up and `--trace-gc`; autocannon drives
// client_credentials from the other core (50 connections, BENCH_SECONDS, default 10). Prints the
// PROFILE_TOP (20) functions with the most self time and most total time, the time by the
// server's own function, and the collector's pauses during the load (PROFILE_GC_LINES=1: each
// collection's line too); the profile is kept in var/ for Chrome DevTools (Performance, "Load
// profile"). OAUTH_SIGNING_ALG, when set, applies to both servers.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startKeyhouse, startReference } from './support/servers.mjs';

const SERVER_CORE = process.env.BENCH_SERVER_CORE ?? '1';
const LOAD_CORE = process.env.BENCH_LOAD_CORE ?? '0';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const TOP = Number(process.env.PROFILE_TOP ?? 20);
/** `reference`: the signing ceiling instead, to see what share signing takes there. */
const TARGET = process.argv[2] === 'reference' ? 'reference' : 'keyhouse';
const PROFILE_FILE = join(process.cwd(), 'var', `token-endpoint-${TARGET}-${Date.now()}.cpuprofile`);

execFileSync('taskset', ['-cp', LOAD_CORE, String(process.pid)], { stdio: 'ignore' });

async function main() {
  mkdirSync('var', { recursive: true });
  const start = TARGET === 'reference' ? (options) => startReference({ ...options, alg: process.env.OAUTH_SIGNING_ALG }) : startKeyhouse;
  const server = await start({
    port: 4394,
    pin: SERVER_CORE,
    nodeArgs: ['--trace-gc', '-r', './bench/support/profiler.cjs'],
    // One process whatever WORKERS defaults to: this profiles the single-core path.
    env: { PROFILE_FILE, WORKERS: '1' },
    stdout: 'pipe',
  });
  const output = lines(server.child.stdout);
  try {
    await autocannon({ ...server.request, connections: CONNECTIONS, duration: 2 });
    server.child.send('profile:start');
    await output.until('[profile] started');
    const from = output.seen.length;
    const result = await autocannon({ ...server.request, connections: CONNECTIONS, duration: DURATION });
    server.child.send('profile:stop');
    await output.until('[profile] written');
    if (result.non2xx || result.errors) throw new Error(`${result.non2xx} non-2xx answers, ${result.errors} errors`);
    console.log(`\n${TARGET}, client_credentials under load: ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms (server on core ${SERVER_CORE}, profiler on)`);
    summarize(JSON.parse(readFileSync(PROFILE_FILE, 'utf8')));
    summarizeGc(output.seen.slice(from), DURATION);
    console.log(`\nprofile: ${PROFILE_FILE}`);
  } finally {
    await server.stop();
  }
}

/** The process's output lines as they come, and a wait for the one that starts with `marker`. */
function lines(stream) {
  const seen = [];
  const waiting = [];
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop();
    for (const line of parts) {
      seen.push(line);
      for (const wait of [...waiting]) if (line.startsWith(wait.marker)) waiting.splice(waiting.indexOf(wait), 1) && wait.resolve();
    }
  });
  return {
    seen,
    until: (marker) =>
      seen.some((line) => line.startsWith(marker)) ? Promise.resolve() : new Promise((resolve) => waiting.push({ marker, resolve })),
  };
}

/**
 * Self and total (inclusive) time per function, in percent of the samples that were not idle;
 * then the time by the server's own function: each sample goes to the innermost frame of the
 * project's code on its stack (with the Node and library code it called), or to the signature
 * when node:crypto's sign is on the stack, or to Node alone (the HTTP parser, the socket).
 */
function summarize(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const self = new Map();
  const total = new Map();
  const own = new Map();
  let busy = 0;
  for (const id of profile.samples) {
    const leaf = nodes.get(id);
    if (leaf.callFrame.functionName === '(idle)') continue;
    busy++;
    add(self, label(leaf.callFrame));
    const onStack = new Set();
    let owner;
    let signing = false;
    for (let at = id; at !== undefined; at = parents.get(at)) {
      const { callFrame } = nodes.get(at);
      onStack.add(label(callFrame));
      signing ||= callFrame.functionName === 'signOneShot';
      if (!owner && isOwnCode(callFrame.url)) owner = label(callFrame);
    }
    for (const name of onStack) add(total, name);
    add(own, signing ? '(the signature: node:crypto sign)' : (owner ?? `(Node alone: ${leaf.callFrame.url.startsWith('node:') ? 'HTTP, streams, timers' : leaf.callFrame.functionName})`));
  }
  const idle = profile.samples.length - busy;
  console.log(`\n${profile.samples.length} samples, ${((idle / profile.samples.length) * 100).toFixed(1)}% idle; percentages below are of the busy ones`);
  table('self time', self, busy);
  table('total time', new Map([...total].filter(([name]) => name !== '(root)')), busy);
  table("by the server's own function (with what it calls)", own, busy);
}

function isOwnCode(url) {
  return url.includes('/dist/api/') || url.includes('/bench/servers/');
}

function add(map, key) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function table(title, counts, busy) {
  console.log(`\n${title}:`);
  for (const [name, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${((count / busy) * 100).toFixed(1).padStart(6)}%  ${name}`);
  }
}

/** `name file:line`, the file relative to the project (or the package inside node_modules). */
function label({ functionName, url, lineNumber }) {
  const name = functionName || '(anonymous)';
  if (!url) return name;
  const file = url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '')
    .replace(`${process.cwd()}/`, '');
  return `${name} ${file}:${lineNumber + 1}`;
}

/** `--trace-gc` lines during the load: count and pause time per kind of collection. */
function summarizeGc(output, seconds) {
  const kinds = new Map();
  for (const line of output) {
    const match = /: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Sweep)\b.*?, ([\d.]+) \/ [\d.]+ ms/.exec(line);
    if (!match) continue;
    const kind = kinds.get(match[1]) ?? { count: 0, ms: 0, max: 0 };
    kind.count++;
    kind.ms += Number(match[2]);
    kind.max = Math.max(kind.max, Number(match[2]));
    kinds.set(match[1], kind);
    if (process.env.PROFILE_GC_LINES) console.log(`  ${line.trim()}`);
  }
  console.log(`\ngarbage collection during the load (--trace-gc):`);
  if (!kinds.size) console.log('  none');
  for (const [kind, { count, ms, max }] of kinds) {
    console.log(`  ${kind.padEnd(14)} ${String(count).padStart(6)} times, ${ms.toFixed(0)} ms paused (${((ms / (seconds * 1000)) * 100).toFixed(1)}% of the time), longest ${max.toFixed(1)} ms`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
