import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApplicationUsageDto } from '@keyhouse/shared-contracts';
import { freshDatabase, TEST_DIALECT, type TestDatabase } from './support/databases';
import { HttpClient } from './support/http-client';
import { createClient, token } from './support/oauth';
import { startServer, type ServerProcess } from './support/server-process';

const PASSWORD = 'shutdown-admin-password';
const DELAY_MS = 2_000;

/** SIGTERM as an orchestrator sends it to an instance behind a load balancer (SHUTDOWN_DELAY_SECONDS). */
describe(`stopping an instance on ${TEST_DIALECT}`, () => {
  let database: TestDatabase;
  const cwd = mkdtempSync(join(tmpdir(), 'keyhouse-shutdown-'));
  const env = () => ({ DATABASE_URL: database.url, ADMIN_PASSWORD: PASSWORD, OAUTH_GENERATE_KEYS: 'true', SHUTDOWN_DELAY_SECONDS: String(DELAY_MS / 1000) });

  // Whatever a test leaves running (a failure before its SIGTERM) is killed, or the run would hang.
  const started: ServerProcess[] = [];
  const start = (extra: Record<string, string> = {}) => {
    const server = startServer({ ...env(), ...extra }, cwd);
    started.push(server);
    return server;
  };

  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterEach(() => Promise.all(started.splice(0).map((server) => server.stop('SIGKILL'))));
  afterAll(() => database.drop());

  it('says it is not ready and goes on serving for the delay, closing each connection after its answer; then drains, and counts every token it gave', async () => {
    const server = start();
    await server.waitUntilReady();
    const admin = new HttpClient(server.baseUrl);
    expect((await admin.signIn('admin', PASSWORD)).status).toBe(200);
    const client = await createClient(admin, { name: 'Busy', grants: ['client_credentials'], userId: 1 });

    // Clients that keep their connections alive, busy until the instance stops accepting them.
    let issued = 0;
    const failures: string[] = [];
    const drainingAnswers: (string | null)[] = [];
    let stoppedAt = Infinity;
    let notReady = false;
    const busy = Array.from({ length: 4 }, async () => {
      for (;;) {
        const sentWhileDraining = notReady;
        const { answer, error } = await token(server.baseUrl, { grant_type: 'client_credentials' }, { client }).then(
          (answer) => ({ answer, error: undefined }),
          (error: Error) => ({ answer: undefined, error }),
        );
        if (!answer) {
          // After the delay the port closes: a connection refused (or reset on its way in) is the end.
          if (Date.now() < stoppedAt + DELAY_MS) failures.push(String(error?.cause ?? error));
          return;
        }
        if (answer.status === 200) issued++;
        else failures.push(`${answer.status} ${answer.text}`);
        if (sentWhileDraining) drainingAnswers.push(answer.headers.get('connection'));
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300));

    stoppedAt = Date.now();
    const exited = server.stop('SIGTERM');
    for (let ready = await fetch(`${server.baseUrl}/health/ready`); ready.status === 200; ready = await fetch(`${server.baseUrl}/health/ready`)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    notReady = true;
    const ready = await fetch(`${server.baseUrl}/health/ready`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 503, body: { message: 'Shutting down.' } });
    expect((await fetch(`${server.baseUrl}/health/live`)).status).toBe(200);

    expect(await exited).not.toBe(1);
    expect(Date.now() - stoppedAt).toBeGreaterThanOrEqual(DELAY_MS);
    await Promise.all(busy);
    expect(failures).toEqual([]);
    expect(drainingAnswers.length).toBeGreaterThan(0);
    expect(new Set(drainingAnswers)).toEqual(new Set(['close']));

    // What the requests in flight at the end counted was written before the database closed.
    const restarted = start();
    await restarted.waitUntilReady();
    const reading = new HttpClient(restarted.baseUrl);
    expect((await reading.signIn('admin', PASSWORD)).status).toBe(200);
    const usage = await reading.get<ApplicationUsageDto>(`/admin/api/oauth-applications/${client.id}/usage?days=2`);
    expect(usage.body.days.reduce((sum, day) => sum + day.tokensIssued, 0)).toBe(issued);
  }, 180_000);

  it('ends at once on a second signal, whatever the delay left', async () => {
    const server = start({ SHUTDOWN_DELAY_SECONDS: '300' });
    await server.waitUntilReady();
    server.child.kill('SIGTERM');
    while ((await fetch(`${server.baseUrl}/health/ready`)).status === 200) await new Promise((resolve) => setTimeout(resolve, 20));
    server.child.kill('SIGTERM');
    await server.exited;
    expect(server.child.signalCode).toBe('SIGTERM');
  }, 120_000);
});
