import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { reservePort } from './server-process';

/** The header each test request carries, so HAProxy's log says which instance served it. */
export const REQUEST_ID = 'x-request-id';

/** One request as HAProxy logged it when it ended. */
export interface ProxiedRequest {
  /** The `server` line's name, or `<NOSRV>` when no instance was reached. */
  server: string;
  /** What the client got: the instance's status, or HAProxy's own 502/503/504. */
  status: number;
  /** HAProxy's termination state: `--` for a normal end; `SH` an instance that hung up before answering. */
  termination: string;
  /** Connection retries; a leading `+` when HAProxy redispatched to another instance. */
  retries: string;
  /** Its first byte reached HAProxy (epoch milliseconds, this machine's clock). */
  startMs: number;
  /** Its answer left HAProxy. */
  endMs: number;
}

export interface LoadBalancer {
  url: string;
  /** What HAProxy logged that is no request: instances going down or up, warnings. */
  events(): string[];
  /** Waits until every one of these requests is in the log (lines are written when a request ends). */
  logged(requestIds: string[]): Promise<Map<string, ProxiedRequest>>;
  /** Waits until each instance has answered a request through the proxy. */
  waitUntilBalancing(): Promise<void>;
  stop(): Promise<void>;
}

/** Debian's package installs it in /usr/sbin, which is not on every user's PATH. */
export function haproxyBinary(): string {
  const candidates = [process.env['HAPROXY_PATH'], ...(process.env['PATH'] ?? '').split(delimiter).map((dir) => join(dir, 'haproxy')), '/usr/sbin/haproxy'];
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  // Never a silent skip: the many-hosts test is part of the MariaDB tier.
  if (!found) throw new Error('haproxy is not installed: run scripts/prepare-test-services.sh (or set HAPROXY_PATH)');
  return found;
}

/**
 * A load balancer as Keyhouse's hosts would sit behind (docker/haproxy.cfg has the same settings):
 * round robin, instances checked on /health/ready, X-Forwarded-For appended. A request whose
 * connection to an instance fails (the instance is gone) is retried on another one; a request an
 * instance received is never sent again (`retry-on conn-failure`, the default: an instance may
 * have acted on it, and a refresh token resent would be spent twice).
 *
 * Unlike docker/haproxy.cfg: checks every 500 ms to keep the test short, a log line per request
 * naming the instance, and `http-reuse always`: the test sends each request on a client
 * connection of its own (see many-hosts.int-spec.ts), and this lets those requests share the
 * connections to the instances as the requests of keep-alive clients do by default.
 */
export function haproxyConfig(port: number, instances: { name: string; port: number }[]): string {
  return `global
  log stdout format raw local0 info
  maxconn 2000

defaults
  mode http
  log global
  option forwardfor
  retries 3
  option redispatch 1
  retry-on conn-failure
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  timeout http-request 10s
  timeout http-keep-alive 10s
  timeout check 3s

frontend keyhouse
  bind 127.0.0.1:${port}
  capture request header ${REQUEST_ID} len 64
  log-format "request id=%[capture.req.hdr(0)] server=%s status=%ST termination=%ts retries=%rc active_ms=%Ta end_ms=%[date(0,ms)]"
  default_backend instances

backend instances
  balance roundrobin
  http-reuse always
  option httpchk GET /health/ready
  http-check expect status 200
  default-server check inter 500ms fall 2 rise 2
${instances.map(({ name, port: instancePort }) => `  server ${name} 127.0.0.1:${instancePort}`).join('\n')}
`;
}

const REQUEST_LINE = /^request id=(\S*) server=(\S+) status=(-?\d+) termination=(\S+) retries=(\S+) active_ms=(-?\d+) end_ms=(\d+)$/;

/** HAProxy in the foreground (`-db`), its log on stdout, in front of the given instances. */
export async function startHaproxy(instances: { name: string; port: number }[]): Promise<LoadBalancer> {
  const port = reservePort();
  const config = join(mkdtempSync(join(tmpdir(), 'keyhouse-haproxy-')), 'haproxy.cfg');
  writeFileSync(config, haproxyConfig(port, instances));
  const child = spawn(haproxyBinary(), ['-f', config, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const requests = new Map<string, ProxiedRequest>();
  const events: string[] = [];
  let partial = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + String(chunk)).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const request = REQUEST_LINE.exec(line);
      if (!request) {
        if (line) events.push(line);
        continue;
      }
      const [, id, server, status, termination, retries, activeMs, endMs] = request;
      requests.set(id, { server, status: Number(status), termination, retries, startMs: Number(endMs) - Math.max(0, Number(activeMs)), endMs: Number(endMs) });
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const url = `http://127.0.0.1:${port}`;

  const balancer: LoadBalancer = {
    url,
    events: () => [...events],
    async logged(requestIds) {
      const deadline = Date.now() + 10_000;
      let missing = requestIds.filter((id) => !requests.has(id));
      while (missing.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        missing = missing.filter((id) => !requests.has(id));
      }
      if (missing.length) throw new Error(`HAProxy logged no line for ${missing.length} requests (${missing.slice(0, 5).join(', ')}...): ${stderr}`);
      return new Map(requestIds.map((id) => [id, requests.get(id) as ProxiedRequest]));
    },
    async waitUntilBalancing() {
      const deadline = Date.now() + 30_000;
      const answered = new Set<string>();
      for (let probe = 0; answered.size < instances.length; probe++) {
        if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}: ${stderr}`);
        if (Date.now() > deadline) throw new Error(`HAProxy reached only ${[...answered].join(', ') || 'no instance'}: ${events.join('\n')}`);
        const id = `probe-${probe}`;
        const ready = await fetch(`${url}/health/ready`, { headers: { [REQUEST_ID]: id } }).then((answer) => answer.status === 200, () => false);
        if (ready) answered.add((await balancer.logged([id])).get(id)?.server ?? '');
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  return balancer;
}
