import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClientAuthThrottle } from '@keyhouse/api-applications';
import { AuditEvent } from '@keyhouse/api-audit';
import { AdminSession, CustomerSession, SignInFailure, SsoRequest } from '@keyhouse/api-identity';
import { AuthorizationCode, Installation, RefreshToken, RevokedAccessToken, TokenFamily, UsedClientAssertion } from '@keyhouse/api-oauth';
import { In, type DataSource, type ObjectLiteral } from 'typeorm';
import { freshDatabase, TEST_DIALECT, type TestDatabase } from './support/databases';
import { createCustomerUser } from './support/fixtures';
import { createClient } from './support/oauth';
import { MAIN } from './support/server-process';
import { startTestApp, type TestApp } from './support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs);
/** More than one batch of the cleanup (500 rows). */
const BULK = 1_200;

/** Answers once `done` holds, polling; fails after `timeoutMs`. */
async function eventually(done: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The keys of the rows of `entity` among `keys` that are still there. */
async function remaining<T extends ObjectLiteral>(dataSource: DataSource, entity: new () => T, key: keyof T & string, keys: unknown[]): Promise<unknown[]> {
  const rows = await dataSource.getRepository(entity).find({ where: { [key]: In(keys) } as never, select: { [key]: true } as never });
  return rows.map((row) => row[key]).sort();
}

/**
 * Expired rows go, live ones stay, in every table the cleanup owns: run by `npm run keyhouse --
 * cleanup` as a process, and on a schedule by every instance.
 */
describe(`the cleanup of expired rows, on ${TEST_DIALECT}`, () => {
  describe('npm run keyhouse -- cleanup', () => {
    let database: TestDatabase;
    let t: TestApp;

    beforeAll(async () => {
      database = await freshDatabase();
      t = await startTestApp({ CLEANUP_INTERVAL_SECONDS: '0' }, { database });
      await seed(t);
    });
    afterAll(async () => {
      await t.close();
      await database.drop();
    });

    const cleanup = () =>
      new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
        const keys = mkdtempSync(join(tmpdir(), 'keyhouse-cleanup-'));
        const env = { PATH: process.env['PATH'], DATABASE_URL: database.url, OAUTH_PRIVATE_KEY_PATH: join(keys, 'k.pem'), OAUTH_PUBLIC_KEY_PATH: join(keys, 'p.pem') };
        execFile(process.execPath, [MAIN.replace('main.js', 'cli.js'), 'cleanup'], { env, encoding: 'utf8' }, (error, stdout, stderr) =>
          resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
        );
      });
    const counts = (stdout: string) => Object.fromEntries(stdout.trim().split('\n').slice(1).map((line) => line.trim().split(/\s+/)).map(([table, count]) => [table, Number(count)]));

    it('deletes exactly the expired rows, in batches, and prints how many per table', async () => {
      const run = await cleanup();
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(counts(run.stdout)).toMatchObject({
        oauth_revoked_access_tokens: BULK + 1,
        oauth_authorization_codes: 2,
        oauth_refresh_tokens: 2,
        oauth_token_families: 2,
        admin_sessions: 1,
        customer_sessions: 1,
        sign_in_failures: 1,
        sso_requests: 1,
        audit_events: 1,
        oauth_client_auth_throttles: BULK + 2,
        oauth_used_client_assertions: 1,
      });
      const { dataSource } = t;
      expect(await dataSource.getRepository(RevokedAccessToken).count()).toBe(1);
      expect(await remaining(dataSource, RevokedAccessToken, 'jti', ['revoked-expired', 'revoked-live'])).toEqual(['revoked-live']);
      expect(await remaining(dataSource, AuthorizationCode, 'digest', ['code-expired', 'code-used-expired', 'code-used-live', 'code-live'])).toEqual(['code-live', 'code-used-live']);
      expect(await remaining(dataSource, RefreshToken, 'digest', ['rt-live', 'rt-expired-old', 'rt-stale', 'rt-expired-recent'])).toEqual(['rt-expired-recent', 'rt-live']);
      expect(await remaining(dataSource, TokenFamily, 'id', ['f-revoked', 'f-live', 'f-stale', 'f-young', 'f-recent'])).toEqual(['f-live', 'f-recent', 'f-young']);
      expect(await remaining(dataSource, AdminSession, 'tokenDigest', ['session-expired', 'session-live'])).toEqual(['session-live']);
      expect(await remaining(dataSource, CustomerSession, 'tokenDigest', ['customer-expired', 'customer-live'])).toEqual(['customer-live']);
      expect(await remaining(dataSource, SignInFailure, 'subject', ['failure-old', 'failure-recent'])).toEqual(['failure-recent']);
      expect(await remaining(dataSource, SsoRequest, 'stateDigest', ['sso-expired', 'sso-live'])).toEqual(['sso-live']);
      expect(await remaining(dataSource, AuditEvent, 'action', ['test.beyond_retention', 'test.within_retention'])).toEqual(['test.within_retention']);
      expect(await remaining(dataSource, ClientAuthThrottle, 'address', ['window-ended', 'throttle-ended', 'throttled', 'counting'])).toEqual(['counting', 'throttled']);
      expect(await remaining(dataSource, UsedClientAssertion, 'digest', ['a'.repeat(64), 'b'.repeat(64)])).toEqual(['b'.repeat(64)]);
    });

    it('finds nothing more the second time: running it again, or on several instances, is safe', async () => {
      const run = await cleanup();
      expect(run.status).toBe(0);
      expect(Object.values(counts(run.stdout)).every((count) => count === 0)).toBe(true);
    });
  });

  describe('on a schedule', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({ CLEANUP_INTERVAL_SECONDS: '1' });
    });
    afterAll(() => t.close());

    it('runs in every instance every CLEANUP_INTERVAL_SECONDS', async () => {
      await t.dataSource.getRepository(AdminSession).insert([
        { tokenDigest: 'scheduled-expired', userId: 1, csrfToken: 'c', expiresAt: at(-MINUTE) },
        { tokenDigest: 'scheduled-live', userId: 1, csrfToken: 'c', expiresAt: at(HOUR) },
      ]);
      await t.dataSource.getRepository(RevokedAccessToken).insert({ jti: 'scheduled-expired', expiresAt: at(-MINUTE) });
      await eventually(async () => (await t.dataSource.getRepository(RevokedAccessToken).countBy({ jti: 'scheduled-expired' })) === 0);
      await eventually(async () => (await remaining(t.dataSource, AdminSession, 'tokenDigest', ['scheduled-expired', 'scheduled-live'])).length === 1);
      expect(await remaining(t.dataSource, AdminSession, 'tokenDigest', ['scheduled-expired', 'scheduled-live'])).toEqual(['scheduled-live']);
    });
  });
});

/** One expired and one live row (or more) of each kind the cleanup handles; names say which. */
async function seed(t: TestApp): Promise<void> {
  const db = t.dataSource;
  const application = await createClient(await t.signedIn(), { name: 'Cleaned', grants: ['client_credentials', 'password'], userId: 1 });
  const customer = await createCustomerUser(db, { email: 'shopper@example.com', organization: { id: 1 } });

  // The jti of an assertion that has expired guards nothing; one that may still be accepted stays refused.
  await db.getRepository(UsedClientAssertion).insert([
    { digest: 'a'.repeat(64), expiresAt: at(-MINUTE) },
    { digest: 'b'.repeat(64), expiresAt: at(5 * MINUTE) },
  ]);

  await db.getRepository(RevokedAccessToken).insert([
    { jti: 'revoked-expired', expiresAt: at(-MINUTE) },
    { jti: 'revoked-live', expiresAt: at(HOUR) },
    ...Array.from({ length: BULK }, (_, i) => ({ jti: `bulk-${i}`, expiresAt: at(-HOUR) })),
  ]);

  const family = (id: string, createdAt: Date, revokedAt: Date | null = null) => ({
    id,
    applicationId: application.id,
    subjectType: 'user' as const,
    subjectId: 1,
    scope: '',
    createdAt,
    revokedAt,
  });
  await db.getRepository(TokenFamily).insert([
    family('f-revoked', at(-MINUTE), at(-MINUTE)),
    // Still has a live refresh token.
    family('f-live', at(-40 * DAY)),
    // Its only refresh token expired long ago: nothing issued from it can be live.
    family('f-stale', at(-40 * DAY)),
    // No refresh token (yet, or ever): an access token issued from it may still be live.
    family('f-young', at(-HOUR)),
    // Its refresh token expired a minute ago, but the access token issued with it may live a day.
    family('f-recent', at(-40 * DAY)),
  ]);
  const refresh = (digest: string, familyId: string, createdAt: Date, expiresAt: Date) => ({ digest, familyId, createdAt, expiresAt, usedAt: null });
  await db.getRepository(RefreshToken).insert([
    refresh('rt-live', 'f-live', at(-HOUR), at(DAY)),
    refresh('rt-expired-old', 'f-live', at(-40 * DAY), at(-10 * DAY)),
    refresh('rt-stale', 'f-stale', at(-32 * DAY), at(-2 * DAY)),
    refresh('rt-expired-recent', 'f-recent', at(-2 * HOUR), at(-MINUTE)),
  ]);

  // AUDIT_RETENTION_DAYS is 365 by default.
  const audit = (action: string, at: Date) => ({ action, at, actorUserId: null, actorName: 'system', targetType: 'test', targetId: null, targetName: 'test', ip: null, before: null, after: null });
  await db.getRepository(AuditEvent).insert([audit('test.beyond_retention', at(-366 * DAY)), audit('test.within_retention', at(-364 * DAY))]);

  const installation = await db.getRepository(Installation).save({ applicationId: application.id, organizationId: 1, subjectType: 'user', subjectId: 1, scope: '' });
  const code = (digest: string, expiresAt: Date, usedAt: Date | null) => ({
    digest,
    applicationId: application.id,
    installationId: installation.id,
    familyId: 'f-live',
    redirectUri: 'https://app.example.com/callback',
    redirectUriSent: true,
    scope: '',
    codeChallenge: null,
    codeChallengeMethod: null,
    expiresAt,
    usedAt,
  });
  await db.getRepository(AuthorizationCode).insert([
    code('code-expired', at(-MINUTE), null),
    code('code-used-expired', at(-MINUTE), at(-5 * MINUTE)),
    // Used, but kept until it expires: a replay must still be recognised.
    code('code-used-live', at(5 * MINUTE), at(-MINUTE)),
    code('code-live', at(5 * MINUTE), null),
  ]);

  await db.getRepository(AdminSession).insert([
    { tokenDigest: 'session-expired', userId: 1, csrfToken: 'c', expiresAt: at(-MINUTE) },
    { tokenDigest: 'session-live', userId: 1, csrfToken: 'c', expiresAt: at(HOUR) },
  ]);
  await db.getRepository(CustomerSession).insert([
    { tokenDigest: 'customer-expired', customerUserId: customer.id, csrfToken: 'c', expiresAt: at(-MINUTE) },
    { tokenDigest: 'customer-live', customerUserId: customer.id, csrfToken: 'c', expiresAt: at(HOUR) },
  ]);
  // A window that opened with a first wrong secret; a throttle set by the one that reached the limit, later.
  const throttle = (address: string, windowEndsAt: Date, throttledUntil: Date | null) => ({ applicationId: application.id, address, failures: 3, windowEndsAt, throttledUntil });
  await db.getRepository(ClientAuthThrottle).insert([
    throttle('window-ended', at(-MINUTE), null),
    throttle('throttle-ended', at(-2 * MINUTE), at(-MINUTE)),
    throttle('throttled', at(-MINUTE), at(MINUTE)),
    throttle('counting', at(MINUTE), null),
    ...Array.from({ length: BULK }, (_, i) => throttle(`bulk-${i}`, at(-HOUR), null)),
  ]);

  await db.getRepository(SsoRequest).insert([
    { stateDigest: 'sso-expired', browserDigest: 'b', codeVerifier: 'v', ip: '203.0.113.7', expiresAt: at(-MINUTE) },
    { stateDigest: 'sso-live', browserDigest: 'b', codeVerifier: 'v', ip: '203.0.113.7', expiresAt: at(5 * MINUTE) },
  ]);

  // SIGN_IN_WINDOW is 900 s by default.
  await db.getRepository(SignInFailure).insert([
    { scope: 'account', subject: 'failure-old', failedAt: at(-16 * MINUTE) },
    { scope: 'account', subject: 'failure-recent', failedAt: at(-MINUTE) },
  ]);
}
