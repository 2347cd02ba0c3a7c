import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type Server } from 'node:net';
import { availableParallelism } from 'node:os';
import { ApplicationUsage, ClientSecret, OAuthApplication } from '@keyhouse/api-applications';
import { openDatabase, parseDatabaseUrl } from '@keyhouse/api-persistence';
import { ENTITIES } from '../src/entities';
import { freshDatabase, TEST_DIALECT, type TestDatabase } from './support/databases';
import { HttpClient } from './support/http-client';
import { basic, createClient, type Client } from './support/oauth';
import { startServer, type ServerProcess } from './support/server-process';

/** WORKERS > 1: one primary, workers sharing the port, and every count still adding up. */

type Outcome = number | 'failed';

/**
 * One request on a connection of its own: node:cluster spreads connections over the workers,
 * not requests. A connection cut by a killed worker or refused by a stopped server is `failed`.
 */
function onNewConnection(url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: Outcome; text: string }>((resolve) => {
    const sent = request(url, { method, headers: body ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers, agent: false, timeout: 10_000 }, (answer) => {
      let text = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => (text += chunk));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 'failed', text }));
      answer.on('error', () => resolve({ status: 'failed', text }));
    });
    sent.on('timeout', () => sent.destroy());
    sent.on('error', () => resolve({ status: 'failed', text: '' }));
    sent.end(body);
  });
}

const tokenRequest = (baseUrl: string, client: Client) =>
  onNewConnection(`${baseUrl}/oauth2-token`, {
    method: 'POST',
    headers: { authorization: basic(client), 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  }).then(({ status }) => status);

/** Token requests from several clients at once, until stopped; what came back is counted. */
class Load {
  issued = 0;
  /** Connections cut before their answer came back. */
  cut = 0;
  lastIssuedAt = 0;
  readonly outcomes = new Set<Outcome>();
  private stopped = false;
  private readonly running: Promise<void>[];

  constructor(baseUrl: string, client: Client, parallel = 6) {
    this.running = Array.from({ length: parallel }, async () => {
      while (!this.stopped) {
        const status = await tokenRequest(baseUrl, client);
        this.outcomes.add(status);
        if (status === 200) {
          this.issued++;
          this.lastIssuedAt = Date.now();
        } else {
          if (status === 'failed') this.cut++;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    });
  }

  /** Resolves once `count` more tokens than now have been issued. */
  async issues(count: number): Promise<void> {
    const target = this.issued + count;
    await until(() => this.issued >= target, `${count} more tokens`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running);
  }
}

// Generous: starting a worker takes a second or two, and many times that on a machine busy with other work.
async function until(done: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const servingWorkers = (server: ServerProcess) => [...server.stdout().matchAll(/worker (\d+) \(pid (\d+)\) serving/g)].map(([, id, pid]) => ({ id: Number(id), pid: Number(pid) }));

/** The parent of a process, from /proc (its name may hold spaces and parentheses: the fields after the last `)`). */
const parentOf = (pid: number) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').pop()?.trim().split(' ')[1]);

const sample = (text: string, series: string) => text.split('\n').find((line) => line.startsWith(`${series} `))?.split(' ')[1];

describe(`WORKERS=2 on ${TEST_DIALECT}`, () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let client: Client;
  /**
   * Tokens answered 200 and wrong secrets answered 401 over the whole run, as the clients saw them
   * (tokens: after the kill, as the server counted them, see there).
   */
  let issued = 0;
  let refused = 0;
  let lastIssuedAt = 0;
  const startedAt = Date.now();

  beforeAll(async () => {
    database = await freshDatabase();
    server = startServer({ DATABASE_URL: database.url, WORKERS: '2', OAUTH_GENERATE_KEYS: 'true' });
    await until(() => /listening on \S+ with 2 workers/.test(server.stdout()) || server.child.exitCode !== null, 'two workers');
    await server.waitUntilReady();
  }, 120_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.drop();
  });

  it('serves with two workers of its own, and prints the generated password once', async () => {
    const workers = servingWorkers(server);
    expect(workers.map((worker) => worker.id)).toEqual([1, 2]);
    expect(new Set(workers.map((worker) => worker.pid)).size).toBe(2);
    for (const { pid } of workers) expect(parentOf(pid)).toBe(server.child.pid);

    const printed = [...(server.stdout() + server.stderr()).matchAll(/Generated password: (\S+)/g)].map(([, password]) => password);
    expect(printed).toHaveLength(1);
    const admin = new HttpClient(server.baseUrl);
    expect((await admin.signIn('admin', printed[0] ?? '')).status).toBe(200);
    client = await createClient(admin, { name: 'Clustered', grants: ['client_credentials'], userId: 1 });
  });

  it("answers /metrics with every worker's token requests, whichever worker is asked", async () => {
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => tokenRequest(server.baseUrl, client)));
    const wrong = await Promise.all(Array.from({ length: 4 }, () => tokenRequest(server.baseUrl, { ...client, clientSecret: 'not-the-secret' })));
    expect(outcomes.every((status) => status === 200)).toBe(true);
    expect(wrong.every((status) => status === 401)).toBe(true);
    issued += outcomes.length;
    refused += wrong.length;
    lastIssuedAt = Date.now();

    for (let scrape = 0; scrape < 4; scrape++) {
      const { status, text } = await onNewConnection(`${server.baseUrl}/metrics`);
      expect(status).toBe(200);
      expect(sample(text, 'keyhouse_tokens_issued_total{grant="client_credentials",outcome="success"}')).toBe('40');
      expect(sample(text, 'keyhouse_tokens_issued_total{grant="client_credentials",outcome="invalid_client"}')).toBe('4');
      expect(sample(text, 'keyhouse_token_request_duration_seconds_count{grant="client_credentials"}')).toBe('44');
      // Per-process metrics are aggregated as prom-client does: one version, not two.
      expect(text.match(/^nodejs_version_info\{.*\} (\d+)$/m)?.[1]).toBe('1');
    }
  });

  it('replaces a worker killed with SIGKILL mid-load, and counts every token once', async () => {
    const [victim] = servingWorkers(server);
    const load = new Load(server.baseUrl, client);
    try {
      await load.issues(20);
      process.kill(victim.pid, 'SIGKILL');
      await until(() => server.stdout().includes(`worker ${victim.id} (pid ${victim.pid}) was killed by SIGKILL; starting another`), 'the kill to be noticed');
      await until(() => servingWorkers(server).length === 3, 'a new worker');
      await load.issues(20);
    } finally {
      await load.stop();
    }
    // Only connections cut by the kill fail; no request is ever answered with an error.
    expect([...load.outcomes].filter((outcome) => outcome !== 200 && outcome !== 'failed')).toEqual([]);
    const replacement = servingWorkers(server)[2];
    expect(parentOf(replacement.pid)).toBe(server.child.pid);
    issued += load.issued;
    lastIssuedAt = load.lastIssuedAt;

    // The primary writes what every worker handed it, the killed one's included, within seconds.
    const admin = new HttpClient(server.baseUrl);
    await admin.signIn('admin', [...server.stdout().matchAll(/Generated password: (\S+)/g)][0]?.[1] ?? '');
    const counted = async () => {
      const answer = await admin.get<{ days: Array<{ tokensIssued: number }> }>(`/admin/api/oauth-applications/${client.id}/usage?days=2`);
      return answer.body.days.reduce((sum, day) => sum + day.tokensIssued, 0);
    };
    let count = await counted();
    for (const deadline = Date.now() + 10_000; count < issued && Date.now() < deadline; count = await counted()) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(count).toBeGreaterThanOrEqual(issued);
    // A worker hands its usage over before it answers, so that no answered token goes uncounted:
    // killed in between, it leaves a token counted that its client never received, at most one per
    // connection the kill cut. Once the primary's batches (every 2 s) are all written, that count
    // is the baseline the drain below adds to exactly.
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    count = await counted();
    expect(count).toBeLessThanOrEqual(issued + load.cut);
    issued = count;
  }, 120_000);

  it('drains every worker on SIGTERM, exits 0, and has written every count once', async () => {
    const load = new Load(server.baseUrl, client);
    try {
      await load.issues(20);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      await load.stop();
    }
    expect([...load.outcomes].filter((outcome) => outcome !== 200 && outcome !== 'failed')).toEqual([]);
    issued += load.issued;
    lastIssuedAt = load.lastIssuedAt;
    expect(server.stdout()).toMatch(/SIGTERM: draining 2 workers/);
    expect(server.stdout()).toMatch(/LOG \[Cluster\] stopped/);
    expect([...(server.stdout() + server.stderr()).matchAll(/Generated password/g)]).toHaveLength(1);

    const dataSource = await openDatabase(parseDatabaseUrl(database.url), ENTITIES);
    try {
      const days = await dataSource.getRepository(ApplicationUsage).findBy({ applicationId: client.id });
      expect(days.reduce((sum, day) => sum + day.tokensIssued, 0)).toBe(issued);
      expect(days.reduce((sum, day) => sum + day.failedAuthentications, 0)).toBe(refused);
      // "Last used" is the time of the write that followed the last use (MySQL keeps whole seconds).
      const application = await dataSource.getRepository(OAuthApplication).findOneByOrFail({ id: client.id });
      const [secret] = await dataSource.getRepository(ClientSecret).findBy({ applicationId: client.id });
      for (const lastUsedAt of [application.lastUsedAt, secret?.lastUsedAt]) {
        expect(lastUsedAt?.getTime()).toBeGreaterThanOrEqual(Math.max(startedAt, lastIssuedAt - 1000));
        expect(lastUsedAt?.getTime()).toBeLessThanOrEqual(Date.now());
      }
    } finally {
      await dataSource.destroy();
    }
  });
});

describe('WORKERS=auto', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.drop());

  it('serves with one worker per core, as `npm start` does in production', async () => {
    const cores = availableParallelism();
    const server = startServer({ DATABASE_URL: database.url, WORKERS: 'auto', ADMIN_PASSWORD: 'auto-workers-password' });
    try {
      await until(() => new RegExp(`listening on \\S+ with ${cores} workers`).test(server.stdout()) || server.child.exitCode !== null, `${cores} workers`);
      const workers = servingWorkers(server);
      expect(workers).toHaveLength(cores);
      for (const { pid } of workers) expect(parentOf(pid)).toBe(server.child.pid);
      expect((await new HttpClient(server.baseUrl).signIn('admin', 'auto-workers-password')).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  }, 120_000);

  it('stops with one line when the port is taken: the first worker says why, and no other starts', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = String((taken.address() as { port: number }).port);
    try {
      const server = startServer({ DATABASE_URL: database.url, WORKERS: '2', PORT: port });
      expect(await server.exited).toBe(1);
      expect(server.stderr().split('\n').filter((line) => line.startsWith('keyhouse:'))).toEqual([expect.stringMatching(/^keyhouse: PORT: the port is already in use/)]);
      expect(servingWorkers(server)).toEqual([]);
      expect(server.stdout().match(/Starting Nest application/g)).toHaveLength(1);
    } finally {
      taken.close();
    }
  });
});
