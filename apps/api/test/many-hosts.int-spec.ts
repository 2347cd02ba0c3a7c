import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApplicationUsageDto, AuditEventDto, SessionDto } from '@keyhouse/shared-contracts';
import { freshDatabase, TEST_DIALECT, type TestDatabase } from './support/databases';
import { haproxyBinary, REQUEST_ID, startHaproxy, type LoadBalancer, type ProxiedRequest } from './support/haproxy';
import { HttpClient } from './support/http-client';
import { createClient, token } from './support/oauth';
import { reservePort, startServer, type ServerProcess } from './support/server-process';

const PASSWORD = 'many-hosts-admin-password';
/** How long the traffic runs before the first instance is stopped, between the two, and after. */
const PHASE_MS = 2_000;
/**
 * Tokens the killed instance answered this long before it died must be stored: its usage recorder
 * writes every 2 s (libs/api/oauth/src/usage/usage-recorder.ts), and a second more covers a write
 * under load and a timer late on a busy machine. Only the answers of that last window may be lost.
 */
const UNFLUSHED_MS = 2_000 + 1_000;
/** HAProxy may still send a request to the killed host this long after its process is gone (a busy machine's lag). */
const DEATH_NOTICED_MS = 2_000;

type Kind = 'client_credentials' | 'password' | 'refresh_token' | 'sign-in' | 'session';

interface Sent {
  id: string;
  kind: Kind;
  /** The application a token request was for. */
  applicationId?: number;
  status?: number;
  error?: string;
}

/**
 * Every request of the test, each tagged with an id that HAProxy logs next to the instance that
 * served it. Each goes on a connection of its own: HAProxy answers a request that an instance
 * dropped with a 502 it logs only when the request is the first on its client connection (a later
 * one gets its connection closed silently, for the client to retry, and no log line).
 */
class Traffic {
  readonly sent: Sent[] = [];

  /** Sends one request; a network error is recorded (and answered undefined), never thrown. */
  async send<T extends { status: number }>(kind: Kind, request: (headers: Record<string, string>) => Promise<T>, applicationId?: number) {
    const sent: Sent = { id: `${kind}-${this.sent.length}`, kind, applicationId };
    this.sent.push(sent);
    try {
      const answer = await request({ [REQUEST_ID]: sent.id, connection: 'close' });
      sent.status = answer.status;
      return { id: sent.id, answer };
    } catch (error) {
      sent.error = String((error as Error).cause ?? error);
      return { id: sent.id, answer: undefined };
    }
  }
}

/** A refresh-token family as one client holds it: a password grant, then refresh after refresh. */
interface Chain {
  /** The refresh token the chain holds: the one its last successful request answered. */
  refreshToken?: string;
  refreshes: number;
  /** The request after which the chain cannot know its token: it failed in flight. */
  brokenBy?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Many hosts share a database server. Three hosts on one SQLite file is no deployment (and several
 * processes on one file are proved by the two-instances test), so this runs on MariaDB only.
 */
const onDatabaseServer = TEST_DIALECT === 'mysql' ? describe : describe.skip;

onDatabaseServer('three hosts behind HAProxy on one database server (MariaDB only: hosts never share an SQLite file)', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let proxy: LoadBalancer;
  let a: ServerProcess;
  let b: ServerProcess;
  let c: ServerProcess;
  let reader: ServerProcess | undefined;

  beforeAll(async () => {
    database = await freshDatabase();
    // One key pair for every host, as a shared volume or a Kubernetes Secret would give them.
    const keys = mkdtempSync(join(tmpdir(), 'keyhouse-shared-keys-'));
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(join(keys, 'private.pem'), pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    writeFileSync(join(keys, 'public.pem'), pair.publicKey.export({ type: 'spki', format: 'pem' }));
    const ports = [reservePort(), reservePort(), reservePort()];
    proxy = await startHaproxy(ports.map((port, i) => ({ name: 'abc'[i], port })));
    env = {
      DATABASE_URL: database.url,
      ADMIN_PASSWORD: PASSWORD,
      ISSUER: proxy.url,
      OAUTH_PRIVATE_KEY_PATH: join(keys, 'private.pem'),
      OAUTH_PUBLIC_KEY_PATH: join(keys, 'public.pem'),
      // One proxy in front: the client is the address HAProxy appends to X-Forwarded-For.
      TRUST_PROXY: 'true',
      // Every sign-in here is the first admin's, several at once: each attempt holds a place in the
      // account's count while it runs, and the ones the killed host held stay there.
      SIGN_IN_MAX_FAILURES: '1000',
      // Longer than HAProxy takes to see /health/ready fail twice (a check every 500 ms), with room
      // for checks answered late by a busy machine.
      SHUTDOWN_DELAY_SECONDS: '3',
    };
    // Started together, as a deployment's replicas are: one migrates and seeds, the others wait.
    [a, b, c] = ports.map((port) => startServer({ ...env, PORT: String(port) }));
    await Promise.all([a, b, c].map((server) => server.waitUntilReady(90_000)));
    await proxy.waitUntilBalancing();
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a, b, c, reader].map((server) => server?.stop('SIGKILL')));
    await proxy?.stop();
    await database?.drop();
  });

  it('records the client HAProxy saw, not an address the client wrote into X-Forwarded-For', async () => {
    const admin = new HttpClient(proxy.url);
    expect((await admin.signIn('admin', PASSWORD)).status).toBe(200);
    const forged = new HttpClient(proxy.url);
    expect((await forged.post('/admin/api/session', { username: 'admin', password: PASSWORD }, { 'x-forwarded-for': '203.0.113.9' })).status).toBe(200);

    const filter = encodeURIComponent(JSON.stringify({ action: 'session.signed_in' }));
    const audited = await admin.get<AuditEventDto[]>(`/admin/api/audit-events?filter=${filter}`);
    expect(audited.body.map((event) => event.ip)).toEqual(['127.0.0.1', '127.0.0.1']);
  });

  it('serves tokens, sign-ins and refreshes through a kill -9 and a SIGTERM: only what the killed host held fails, nothing is spent twice, and usage adds up', async () => {
    const admin = new HttpClient(proxy.url);
    expect((await admin.signIn('admin', PASSWORD)).status).toBe(200);
    // Machine clients switch applications once the killed host is gone: what they get from then on
    // is counted by hosts that write everything, so that application's count must be exact.
    const machineBefore = await createClient(admin, { name: 'Machine before the kill', grants: ['client_credentials'], userId: 1 });
    const machineAfter = await createClient(admin, { name: 'Machine after the kill', grants: ['client_credentials'], userId: 1 });
    const refreshing = await createClient(admin, { name: 'Refreshing', grants: ['password'] });
    const traffic = new Traffic();
    let over = false;
    let killedAt = Infinity;
    let diedAt = Infinity;
    let terminatedAt = Infinity;

    const machineLoop = async () => {
      while (!over) {
        const machine = diedAt === Infinity ? machineBefore : machineAfter;
        await traffic.send('client_credentials', (headers) => token(proxy.url, { grant_type: 'client_credentials' }, { client: machine, headers }), machine.id);
      }
    };
    const signedInAs: string[] = [];
    const sessionChecks: { signIn: string; check: string }[] = [];
    let signedInAfterTheStop!: () => void;
    const signInAfterTheStop = new Promise<void>((resolve) => (signedInAfterTheStop = resolve));
    const signInLoop = async () => {
      while (!over) {
        // A browser of its own each time; its next requests may land on other hosts.
        const browser = new HttpClient(proxy.url);
        const startedAt = Date.now();
        const signIn = await traffic.send('sign-in', (headers) => browser.post('/admin/api/session', { username: 'admin', password: PASSWORD }, headers));
        if (signIn.answer?.status !== 200) continue;
        if (startedAt > terminatedAt) signedInAfterTheStop();
        for (let i = 0; i < 3 && !over; i++) {
          const check = await traffic.send('session', (headers) => browser.get<SessionDto>('/admin/api/session', headers));
          sessionChecks.push({ signIn: signIn.id, check: check.id });
          if (check.answer?.status === 200) signedInAs.push(check.answer.body.user.username);
        }
      }
    };
    const refresh = (chain: Chain, grant: Record<string, string>) =>
      traffic.send(grant['grant_type'] as Kind, (headers) => token(proxy.url, grant, { client: refreshing, headers }), refreshing.id).then(({ id, answer }) => {
        if (answer?.status === 200) chain.refreshToken = answer.body['refresh_token'] as string;
        else chain.brokenBy = id;
        return answer?.status === 200;
      });
    const chains: Chain[] = [];
    const startChain = async () => {
      const chain: Chain = { refreshes: 0 };
      chains.push(chain);
      return (await refresh(chain, { grant_type: 'password', username: 'admin', password: PASSWORD })) ? chain : undefined;
    };
    // Each refresh sends exactly the token the last one answered: a token sent twice would revoke
    // the family. A chain whose refresh died with the killed host cannot know whether its token was
    // rotated: its client signs in again, starting a new chain.
    const refreshLoop = async (first: Chain | undefined) => {
      for (let chain = first; !over; chain = await startChain()) {
        while (chain && !over && (await refresh(chain, { grant_type: 'refresh_token', refresh_token: chain.refreshToken as string }))) chain.refreshes++;
      }
    };
    // The first chains start before the load, so that they refresh through the kill.
    const firstChains = await Promise.all(Array.from({ length: 3 }, startChain));
    expect(firstChains.every(Boolean)).toBe(true);

    const load = Promise.all([...Array.from({ length: 4 }, machineLoop), ...Array.from({ length: 2 }, signInLoop), ...firstChains.map(refreshLoop)]);
    await sleep(PHASE_MS);
    killedAt = Date.now();
    await b.stop('SIGKILL');
    diedAt = Date.now();
    await sleep(PHASE_MS);
    terminatedAt = Date.now();
    const drained = a.stop('SIGTERM');
    // However slow the machine, the load goes on until a sign-in begun after the SIGTERM is through.
    await Promise.all([drained, sleep(PHASE_MS), Promise.race([signInAfterTheStop, sleep(60_000)])]);
    over = true;
    await load;
    expect(await drained).not.toBe(1);

    // No refresh token was spent twice: every chain that lost no answer still holds a live token.
    const unbroken = chains.filter((chain) => !chain.brokenBy);
    expect(chains.reduce((sum, chain) => sum + chain.refreshes, 0)).toBeGreaterThan(0);
    for (const chain of unbroken) {
      expect(await refresh(chain, { grant_type: 'refresh_token', refresh_token: chain.refreshToken as string })).toBe(true);
    }

    // Only requests the killed host held when it died failed: HAProxy answered them 502.
    const log = await proxy.logged(traffic.sent.map((sent) => sent.id));
    const served = (sent: Sent) => log.get(sent.id) as ProxiedRequest;
    const heldByTheKilledHost = (sent: Sent) => {
      const request = served(sent);
      return request.server === 'b' && [502, 503].includes(request.status) && request.startMs <= diedAt + DEATH_NOTICED_MS && request.endMs >= killedAt;
    };
    const failed = traffic.sent.filter((sent) => sent.status !== 200);
    const unexplained = failed.filter((sent) => !heldByTheKilledHost(sent)).map((sent) => ({ ...sent, ...served(sent) }));
    // On failure, what HAProxy saw of the hosts going down and up tells why.
    expect(unexplained.length ? { unexplained, killedAt, diedAt, terminatedAt, proxyEvents: proxy.events() } : {}).toEqual({});

    // The load went through both events: every host served, the draining one after its SIGTERM too.
    const answered = (server: string, from: number) => traffic.sent.some((sent) => sent.status === 200 && served(sent).server === server && served(sent).endMs >= from);
    expect({ b: answered('b', 0), a: answered('a', terminatedAt), c: answered('c', terminatedAt) }).toEqual({ b: true, a: true, c: true });

    // Sign-ins kept working after both events, and a session made on one host was valid on another.
    expect(new Set(signedInAs)).toEqual(new Set(['admin']));
    expect(traffic.sent.some((sent) => sent.kind === 'sign-in' && sent.status === 200 && served(sent).startMs > terminatedAt)).toBe(true);
    expect(sessionChecks.some(({ signIn, check }) => log.get(signIn)?.server !== log.get(check)?.server)).toBe(true);

    // Usage: every token a client got is counted once, except what the killed host answered in its
    // last unflushed window; the tokens it issued and never delivered may come on top.
    expect(await c.stop('SIGTERM')).not.toBe(1);
    reader = startServer(env);
    await reader.waitUntilReady(60_000);
    const reading = new HttpClient(reader.baseUrl);
    expect((await reading.signIn('admin', PASSWORD)).status).toBe(200);
    for (const application of [machineBefore, machineAfter, refreshing]) {
      const usage = await reading.get<ApplicationUsageDto>(`/admin/api/oauth-applications/${application.id}/usage?days=2`);
      const stored = usage.body.days.reduce((sum, day) => sum + day.tokensIssued, 0);
      const tokens = traffic.sent.filter((sent) => sent.applicationId === application.id);
      const received = tokens.filter((sent) => sent.status === 200).length;
      const mayBeLost = tokens.filter((sent) => sent.status === 200 && served(sent).server === 'b' && served(sent).endMs >= killedAt - UNFLUSHED_MS).length;
      const mayBeUndelivered = tokens.filter((sent) => sent.status !== 200).length;
      const counts = { application: application.id, stored, received, mayBeLost, mayBeUndelivered };
      expect({ ...counts, addsUp: stored >= received - mayBeLost && stored <= received + mayBeUndelivered }).toEqual({ ...counts, addsUp: true });
      expect(usage.body.days.reduce((sum, day) => sum + day.failedAuthentications, 0)).toBe(0);
    }
  }, 120_000);
});

describe('docker/haproxy.cfg (the compose cluster profile)', () => {
  it('is a configuration HAProxy accepts', () => {
    const check = spawnSync(haproxyBinary(), ['-c', '-f', join(__dirname, '../../../docker/haproxy.cfg')], { encoding: 'utf8' });
    expect({ status: check.status, output: check.stdout + check.stderr }).toEqual({ status: 0, output: expect.stringContaining('Configuration file is valid') });
  });
});
