import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The build the tests start. npm test copies dist/ aside after its build step (TEST_BUILD_DIR):
 * a test that goes through `npm start` builds again, and Nx without its daemon rewrites every
 * output file even when its cache already holds them, which once pulled a module from under a
 * server another worker was starting.
 */
export const BUILD_DIR = process.env['TEST_BUILD_DIR'] ?? join(__dirname, '../../../../dist');
export const MAIN = join(BUILD_DIR, 'api/apps/api/src/main.js');

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  waitUntilReady(timeoutMs?: number): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

// Below Linux's ephemeral range (32768-60999): a port from there can be taken at any moment by
// an outgoing connection (a database client, a fetch), which once failed a run with EADDRINUSE.
// Each Jest worker process gets a block of 100 ports of its own: npm test runs the two databases'
// tiers side by side and numbers their blocks (TEST_PORT_BLOCKS, then the worker's number), so
// no two workers ever share one; a run by hand picks its block from its process id.
let nextPort = 20_000 + portBlock() * 100;

function portBlock(): number {
  const first = process.env['TEST_PORT_BLOCKS'];
  if (first === undefined) return process.pid % 120;
  return Number(first) + Number(process.env['JEST_WORKER_ID'] ?? 1) - 1;
}

/** A port of this worker's block that no other process of the tests is given. */
export const reservePort = (): number => nextPort++;

/** The built API (`node dist/.../main.js`) as a person starts it: its own process, its own working directory. */
export function startServer(env: Record<string, string>, cwd = mkdtempSync(join(tmpdir(), 'keyhouse-proc-'))): ServerProcess {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npm run build)`);
  const port = String(env['PORT'] ?? reservePort());
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: {
      PATH: process.env['PATH'],
      HOST: '127.0.0.1',
      PORT: port,
      OAUTH_GENERATE_KEYS: 'false',
      NO_COLOR: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => (out += chunk));
  child.stderr?.on('data', (chunk) => (err += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    child,
    baseUrl,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitUntilReady(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${err || out}`);
        const ok = await fetch(`${baseUrl}/health/ready`).then((r) => r.status === 200, () => false);
        if (ok) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`server not ready within ${timeoutMs} ms: ${err || out}`);
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
