import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OAuthApplication } from '@keyhouse/api-applications';
import { OutboxEmail } from '@keyhouse/api-notifications';
import { migrate, openDatabase, parseDatabaseUrl } from '@keyhouse/api-persistence';
import type { DataSource } from 'typeorm';
import { ENTITIES } from '../src/entities';
import { describeOnceForBothDialects, freshDatabase, TEST_DIALECT, type TestDatabase } from './support/databases';
import { HttpClient } from './support/http-client';
import { token } from './support/oauth';
import { MAIN, startServer, type ServerProcess } from './support/server-process';

const CLI = MAIN.replace('main.js', 'cli.js');
const ROOT = join(__dirname, '../../..');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `npm run keyhouse -- ...args` without the build step: the built entry, in its own process.
 * Asynchronous, so this process keeps serving its own sockets meanwhile.
 */
function keyhouse(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env['PATH'], NO_COLOR: '1', ...env }, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;
const noStackTrace = (run: Run) => expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);

/** Every command as an operator runs it, against the database the server uses. */
describe(`npm run keyhouse, on ${TEST_DIALECT}`, () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let server: ServerProcess;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await freshDatabase();
    const keys = mkdtempSync(join(tmpdir(), 'keyhouse-cli-'));
    env = {
      DATABASE_URL: database.url,
      ADMIN_PASSWORD: 'cli-admin-password',
      OAUTH_PRIVATE_KEY_PATH: join(keys, 'private.pem'),
      OAUTH_PUBLIC_KEY_PATH: join(keys, 'public.pem'),
      OAUTH_GENERATE_KEYS: 'false',
    };
  });
  afterAll(async () => {
    await server?.stop();
    await dataSource?.destroy();
    await database.drop();
  });

  describe('keys', () => {
    it('generates the pair the server then signs with, and refuses to overwrite it', async () => {
      const generated = await keyhouse(env, 'keys', 'generate');
      expect(generated.stderr).toBe('');
      expect(generated.status).toBe(0);
      expect(generated.stdout).toContain(`private key: ${env['OAUTH_PRIVATE_KEY_PATH']} (mode 0600)`);
      const privateKey = readFileSync(env['OAUTH_PRIVATE_KEY_PATH'], 'utf8');

      const again = await keyhouse(env, 'keys', 'generate');
      expect(again.status).toBe(1);
      expect(again.stderr).toBe(`keyhouse: OAUTH_PRIVATE_KEY_PATH=${env['OAUTH_PRIVATE_KEY_PATH']}: already exists; \`keys rotate\` replaces a key pair\n`);
      expect(readFileSync(env['OAUTH_PRIVATE_KEY_PATH'], 'utf8')).toBe(privateKey);

      server = startServer(env);
      await server.waitUntilReady();
      const { body } = await new HttpClient(server.baseUrl).signIn('admin', 'cli-admin-password');
      expect(body.csrfToken).toBeDefined();
      dataSource = await openDatabase(parseDatabaseUrl(database.url), ENTITIES);
      await migrate(dataSource);
    });

    it('rotates the pair', async () => {
      const before = readFileSync(env['OAUTH_PRIVATE_KEY_PATH'], 'utf8');
      const rotated = await keyhouse(env, 'keys', 'rotate');
      expect(rotated.stderr).toBe('');
      expect(rotated.status).toBe(0);
      expect(rotated.stdout).toMatch(/^Rotated the signing key of .*\n {2}new key: {5}\S+ \(.*\)\n {2}retired key: \S+ \(RS256\), still verifying until \S+Z\n/);
      expect(readFileSync(env['OAUTH_PRIVATE_KEY_PATH'], 'utf8')).not.toBe(before);
    });

    it('cannot rotate a pair that does not exist', async () => {
      const missing = await keyhouse({ ...env, OAUTH_PRIVATE_KEY_PATH: join(tmpdir(), 'keyhouse-no-such-key.pem') }, 'keys', 'rotate');
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/^keyhouse: OAUTH_PRIVATE_KEY_PATH=.*: there is no key to rotate\n$/);
    });
  });

  describe('users create', () => {
    const create = (...options: string[]) => keyhouse(env, 'users', 'create', ...options);

    it('creates a back-office user and prints the generated password once; it signs in', async () => {
      const created = await create('--username', 'Dana', '--email', 'dana@example.com', '--organization', 'Default Organization', '--role', 'administrator');
      expect(created.stderr).toBe('');
      expect(created.status).toBe(0);
      expect(created.stdout).toMatch(/^Created back-office user dana \(id \d+, dana@example\.com\) in Default Organization as ROLE_ADMINISTRATOR\.\n/);
      const password = /generated password: (\S+)/.exec(created.stdout)?.[1] ?? '';
      expect(password).toHaveLength(24);
      expect(occurrences(created.stdout, password)).toBe(1);
      expect((await new HttpClient(server.baseUrl).signIn('dana', password)).status).toBe(200);
    });

    it('takes a given password and prints none', async () => {
      const created = await create('--username', 'eli', '--email', 'eli@example.com', '--organization', '1', '--role', 'ROLE_USER', '--password', 'eli-chose-this-one');
      expect(created.status).toBe(0);
      expect(created.stdout).not.toContain('password');
      expect((await new HttpClient(server.baseUrl).signIn('eli@example.com', 'eli-chose-this-one')).status).toBe(200);
    });

    it('refuses bad values with every message at its option, exit code 1', async () => {
      const refused = await create('--username', 'no spaces', '--email', 'nope', '--organization', 'Nowhere', '--role', 'ROLE_KING', '--password', 'short');
      expect(refused.status).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toBe(
        [
          'keyhouse: The user was not created.',
          '  --username: Use 1 to 180 letters, digits, dots, dashes, underscores or @.',
          '  --email: Enter an email address.',
          '  --password: Use 12 to 1024 characters, or leave it out to have one generated.',
          '  --organization: There is no organization with the id or name "Nowhere".',
          '  --role: Choose one of ROLE_ADMINISTRATOR, ROLE_APPLICATION_MANAGER, ROLE_USER, ROLE_VIEWER.',
          '',
        ].join('\n'),
      );
    });

    it('refuses a username or email already in use', async () => {
      const taken = await create('--username', 'dana@example.com', '--email', 'ADMIN@example.com', '--organization', '1', '--role', 'ROLE_USER');
      expect(taken.status).toBe(1);
      expect(taken.stderr).toContain('  --username: This username is already taken.\n');
      expect(taken.stderr).toContain('  --email: This email address is already used.\n');
    });

    it('refuses a missing option with the usage, exit code 2', async () => {
      const missing = await create('--username', 'fay', '--organization', '1', '--role', 'ROLE_USER');
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/^keyhouse: users create: --email is required\n\nUsage: /);
    });
  });

  describe('applications', () => {
    let clientId: string;
    let clientSecret: string;
    const create = (...options: string[]) => keyhouse(env, 'applications', 'create', ...options);

    it('creates an application and prints its secret once; the secret works at the token endpoint', async () => {
      const created = await create('--organization', 'Default Organization', '--name', 'Nightly export', '--grant', 'client_credentials', '--user', 'admin');
      expect(created.stderr).toBe('');
      expect(created.status).toBe(0);
      clientId = /client id: +(\S+)/.exec(created.stdout)?.[1] ?? '';
      clientSecret = /client secret: +(\S+)/.exec(created.stdout)?.[1] ?? '';
      expect(clientId).toMatch(/^[0-9a-f]{32}$/);
      expect(clientSecret).toMatch(/^[\w-]{43}$/);
      expect(occurrences(created.stdout, clientSecret)).toBe(1);
      expect(created.stdout).toContain('The secret is shown only this once');

      const answer = await token(server.baseUrl, { grant_type: 'client_credentials' }, { client: { id: 0, clientId, clientSecret } });
      expect(answer.status).toBe(200);
      expect(answer.body['access_token']).toEqual(expect.any(String));
    });

    it('goes through the same rules and notifications as the console', async () => {
      const application = await dataSource.getRepository(OAuthApplication).findOneByOrFail({ clientId });
      expect(application).toMatchObject({ name: 'Nightly export', slug: 'nightly-export', organizationId: 1, userId: 1, createdBy: null, active: true });
      const mail = await dataSource.getRepository(OutboxEmail).findBy({ event: 'oauth_application.created', recipient: 'admin@example.com' });
      expect(mail.map((m) => m.html).join()).toContain(clientId);
      expect(mail.map((m) => m.html).join()).not.toContain(clientSecret);

      const duplicate = await create('--organization', '1', '--name', 'NIGHTLY EXPORT', '--grant', 'client_credentials', '--user', 'admin');
      expect(duplicate.status).toBe(1);
      expect(duplicate.stderr).toBe('keyhouse: Some fields are not valid.\n  --name: An application with this name already exists in this organization.\n');
    });

    it('creates a public client, which has no secret', async () => {
      const created = await create('--organization', '1', '--name', 'Phone app', '--grant', 'authorization_code', '--public', '--redirect-uri', 'https://app.example.com/callback');
      expect(created.status).toBe(0);
      expect(created.stdout).toContain('A public client has no secret');
      expect(created.stdout).not.toContain('client secret');
    });

    it.each([
      [['--organization', '1', '--name', 'No owner', '--grant', 'client_credentials'], '  --user: Choose the user this application acts as (required for Client Credentials).\n'],
      [['--organization', '1', '--name', 'Odd grant', '--grant', 'implicit'], '  --grant: '],
      [['--organization', '1', '--name', 'Ghost', '--grant', 'client_credentials', '--user', 'ghost'], 'keyhouse: --user: there is no back-office user named "ghost"\n'],
      [['--organization', 'Elsewhere', '--name', 'Lost', '--grant', 'password'], 'keyhouse: --organization: there is no organization with the id or name "Elsewhere"\n'],
    ])('refuses %j with exit code 1', async (options, message) => {
      const refused = await create(...options);
      expect(refused.status).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(message);
      noStackTrace(refused);
    });

    it('refuses an unknown option with the usage, exit code 2', async () => {
      const refused = await create('--organization', '1', '--name', 'X', '--grant', 'password', '--colour', 'blue');
      expect(refused.status).toBe(2);
      expect(refused.stderr).toMatch(/^keyhouse: applications create: Unknown option '--colour'\n\nUsage: /);
    });

    it('deactivates by client id: no more tokens; a second time says so', async () => {
      const deactivated = await keyhouse(env, 'applications', 'deactivate', clientId);
      expect(deactivated.status).toBe(0);
      expect(deactivated.stdout).toMatch(/^Deactivated OAuth application "Nightly export" \(id \d+, client id [0-9a-f]{32}\)/);
      const answer = await token(server.baseUrl, { grant_type: 'client_credentials' }, { client: { id: 0, clientId, clientSecret } });
      expect(answer.status).toBe(401);
      expect(answer.body['error']).toBe('invalid_client');
      const notified = await dataSource.getRepository(OutboxEmail).countBy({ event: 'oauth_application.deactivated' });
      expect(notified).toBeGreaterThan(0);

      const again = await keyhouse(env, 'applications', 'deactivate', clientId);
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('was already deactivated');
    });

    it('deactivates by id, and refuses what does not exist', async () => {
      const phone = await dataSource.getRepository(OAuthApplication).findOneByOrFail({ name: 'Phone app' });
      expect((await keyhouse(env, 'applications', 'deactivate', String(phone.id))).status).toBe(0);
      expect((await dataSource.getRepository(OAuthApplication).findOneByOrFail({ id: phone.id })).active).toBe(false);

      const unknown = await keyhouse(env, 'applications', 'deactivate', 'no-such-client');
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toBe('keyhouse: there is no OAuth application with the client id or id "no-such-client"\n');
    });
  });

  it('cleans up and prints what it deleted per table', async () => {
    const cleaned = await keyhouse(env, 'cleanup');
    expect(cleaned.stderr).toBe('');
    expect(cleaned.status).toBe(0);
    expect(cleaned.stdout.split('\n').slice(1, -1).map((line) => line.trim().split(/\s+/)[0])).toEqual([
      'oauth_revoked_access_tokens',
      'oauth_authorization_codes',
      'oauth_refresh_tokens',
      'oauth_token_families',
      'oauth_used_client_assertions',
      'oauth_application_usage',
      'oauth_client_auth_throttles',
      'admin_sessions',
      'customer_sessions',
      'sign_in_failures',
      'sso_requests',
      'audit_events',
    ]);
  });

  describeOnceForBothDialects('refusals before any database work', () => {
    it.each([
      [[], 'keyhouse: no command given'],
      [['users', 'delete'], 'keyhouse: unknown command "users delete"'],
    ])('refuses %j with the usage on stderr, exit code 2', async (args, line) => {
      const refused = await keyhouse(env, ...args);
      expect(refused.status).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.split('\n')[0]).toBe(line);
      expect(refused.stderr).toContain('Usage: npm run keyhouse -- <command> [options]');
    });

    it('says in one line, without the password, that the database cannot be reached', async () => {
      const unreachable = await keyhouse({ ...env, DATABASE_URL: 'mysql://ops:hunter2hunter2@127.0.0.1:9/keyhouse', DATABASE_WAIT_SECONDS: '0' }, 'cleanup');
      expect(unreachable.status).toBe(1);
      expect(unreachable.stderr).toBe('keyhouse: DATABASE_URL: cannot open mysql://ops@127.0.0.1:9/keyhouse: ECONNREFUSED\n');
    });
  });

  // Once: `npm run` builds dist/ first, rewriting it whole, and two tiers doing that at once pulled
  // modules from under each other (the test tiers start a copy of the build for the same reason).
  describeOnceForBothDialects('through npm', () => {
    it('is what `npm run keyhouse` and `npm run keys:rotate` run, exit codes included', async () => {
      const npm = (...args: string[]) =>
        spawnSync('npm', ['run', '--silent', ...args], { cwd: ROOT, env: { ...process.env, ...env, NODE_OPTIONS: '' }, encoding: 'utf8', timeout: 120_000 });
      const rotated = npm('keys:rotate');
      expect([rotated.status, rotated.stderr]).toEqual([0, '']);
      expect(rotated.stdout).toContain('Rotated the signing key of');
      const unknown = npm('keyhouse', '--', 'applications', 'delete', '7');
      expect([unknown.status, unknown.stderr.split('\n')[0]]).toEqual([2, 'keyhouse: unknown command "applications delete"']);
    });
  });
});
