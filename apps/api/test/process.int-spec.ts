import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeOnceForBothDialects, freshDatabase, TEST_DIALECT, type TestDatabase } from './support/databases';
import { HttpClient } from './support/http-client';
import { reservePort, startServer } from './support/server-process';

/** What `npm start` runs, started the way an operator does, on the dialect under test. */
const garbageKey = join(mkdtempSync(join(tmpdir(), 'keyhouse-key-')), 'private.pem');
writeFileSync(garbageKey, '-----BEGIN PRIVATE KEY-----\nnot really\n-----END PRIVATE KEY-----\n');
const rsaKey = join(mkdtempSync(join(tmpdir(), 'keyhouse-key-')), 'private.pem');
writeFileSync(rsaKey, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));

describe('the server process', () => {
  describeOnceForBothDialects('refuses bad configuration with exit code 1 and one line naming the variable', () => {
    it.each([
      [{ PORT: 'abc' }, /^keyhouse: PORT=abc: expected a whole number from 1 to 65535\n$/],
      [{ WORKERS: 'all' }, /^keyhouse: WORKERS=all: expected auto \(one per core\) or a whole number from 1 to 256\n$/],
      [{ DATABASE_URL: 'foo' }, /^keyhouse: DATABASE_URL=foo: not a URL \(expected sqlite:<file> or mysql:.*\)\n$/],
      [{ DATABASE_URL: 'postgres://x' }, /^keyhouse: DATABASE_URL=postgres:\/\/x: unsupported scheme "postgres:".*\n$/],
      [{ OAUTH_PUBLIC_KEY_PATH: tmpdir() }, /^keyhouse: OAUTH_PUBLIC_KEY_PATH=.*: is a directory, expected a PEM key file\n$/],
      [{ OAUTH_PRIVATE_KEY_PATH: garbageKey }, /^keyhouse: OAUTH_PRIVATE_KEY_PATH=.*: not a PEM key this server can read\n$/],
      [{ OAUTH_SIGNING_ALG: 'HS256' }, /^keyhouse: OAUTH_SIGNING_ALG=HS256: expected RS256, ES256 or EdDSA\n$/],
      [
        { OAUTH_PRIVATE_KEY_PATH: rsaKey, OAUTH_SIGNING_ALG: 'ES256' },
        /^keyhouse: OAUTH_PRIVATE_KEY_PATH=.*\/private\.pem: holds an RSA key \(2048 bits\), but OAUTH_SIGNING_ALG=ES256 needs a P-256 EC key\n$/,
      ],
      [
        { SSO_NAME: 'Acme ID', SSO_AUTHORIZATION_URL: 'https://id.acme.test/authorize', SSO_CLIENT_SECRET: 'hunter2hunter2' },
        /^keyhouse: SSO_TOKEN_URL, SSO_USERINFO_URL, SSO_CLIENT_ID: not set; single sign-on needs all of SSO_NAME, SSO_AUTHORIZATION_URL, SSO_TOKEN_URL, SSO_USERINFO_URL, SSO_CLIENT_ID, SSO_CLIENT_SECRET \(or none of them\)\n$/,
      ],
      [
        { DATABASE_URL: 'mysql://app:hunter2hunter2@127.0.0.1:9/keyhouse', DATABASE_WAIT_SECONDS: '0' },
        /^keyhouse: DATABASE_URL: cannot open mysql:\/\/app@127\.0\.0\.1:9\/keyhouse: ECONNREFUSED\n$/,
      ],
    ])('%j', async (env, line) => {
      const server = startServer(env);
      expect(await server.exited).toBe(1);
      expect(server.stderr()).toMatch(line);
      expect(server.stderr()).not.toContain('hunter2');
      expect(server.stderr() + server.stdout()).not.toMatch(/\n\s+at /);
    });
  });

  describeOnceForBothDialects('through `npm start`', () => {
    it('says the same through `npm start`, exit code included', () => {
      const result = spawnSync('npm', ['start', '--silent'], {
        cwd: join(__dirname, '../../..'),
        env: { ...process.env, PORT: 'abc', NODE_OPTIONS: '' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr.split('\n').filter((line) => line.startsWith('keyhouse:'))).toEqual([
        'keyhouse: PORT=abc: expected a whole number from 1 to 65535',
      ]);
      expect(result.stderr + result.stdout).not.toMatch(/\n\s+at /);
    });

    it('stops the server on a SIGTERM sent to npm itself, as a process manager sends it', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'keyhouse-npm-'));
      const port = reservePort();
      const npm = spawn('npm', ['start', '--silent'], {
        cwd: join(__dirname, '../../..'),
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: `sqlite:${join(dir, 'keyhouse.sqlite')}`,
          OAUTH_PRIVATE_KEY_PATH: join(dir, 'private.pem'),
          OAUTH_PUBLIC_KEY_PATH: join(dir, 'public.pem'),
          OAUTH_GENERATE_KEYS: 'true',
          ADMIN_PASSWORD: 'npm-start-admin-password',
        },
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
      const ready = () => fetch(`http://127.0.0.1:${port}/health/ready`).then((answer) => answer.status === 200, () => false);
      try {
        for (let waited = 0; !(await ready()); waited += 200) {
          if (waited > 60_000 || npm.exitCode !== null) throw new Error('npm start did not serve within 60 s');
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        npm.kill('SIGTERM');
        expect(await exited).toBe(0);
        expect(await ready()).toBe(false);
      } finally {
        npm.kill('SIGKILL');
      }
    }, 120_000);
  });

  describe(`on ${TEST_DIALECT}`, () => {
    let database: TestDatabase;
    const cwd = mkdtempSync(join(tmpdir(), 'keyhouse-proc-'));
    beforeAll(async () => {
      database = await freshDatabase();
    });
    afterAll(() => database.drop());

    let password: string;
    let cookie: string | undefined;

    it('migrates an empty database, prints a generated admin password once, and it signs in', async () => {
      const server = startServer({ DATABASE_URL: database.url }, cwd);
      try {
        await server.waitUntilReady();
        const printed = [...server.stdout().matchAll(/Generated password: (\S+)/g)].map((match) => match[1]);
        expect(printed).toHaveLength(1);
        password = printed[0] ?? '';
        expect(password).toMatch(/^[A-Za-z0-9]{24}$/);

        const client = new HttpClient(server.baseUrl);
        expect((await client.signIn('admin', password)).status).toBe(200);
        cookie = client.cookie;
      } finally {
        expect(await server.stop()).not.toBe(1);
      }
    });

    it('keeps its data across a restart: no new password, the session still valid', async () => {
      const server = startServer({ DATABASE_URL: database.url }, cwd);
      try {
        await server.waitUntilReady();
        expect(server.stdout()).not.toContain('Generated password');
        const returning = new HttpClient(server.baseUrl);
        returning.cookie = cookie;
        expect((await returning.get('/admin/api/me')).status).toBe(200);
        expect((await new HttpClient(server.baseUrl).signIn('admin', password)).status).toBe(200);
      } finally {
        await server.stop();
      }
    });

    it('starts cleanly after a kill -9 in the middle of sign-ins', async () => {
      // The throttle counts an attempt before its password is checked, so the attempts the kill cut
      // short stay counted as failures (fail closed): generous limits on both sides keep this test
      // about the database surviving the kill, whatever the machine's speed left in flight.
      const env = { DATABASE_URL: database.url, SIGN_IN_MAX_FAILURES: '1000', SIGN_IN_MAX_FAILURES_PER_IP: '100000' };
      const server = startServer(env, cwd);
      await server.waitUntilReady();
      let stop = false;
      const hammer = Array.from({ length: 8 }, async (_, i) => {
        while (!stop) {
          await new HttpClient(server.baseUrl).signIn('admin', i % 2 ? password : 'wrong-password').catch(() => undefined);
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(server.child.kill('SIGKILL')).toBe(true);
      await server.exited;
      stop = true;
      await Promise.all(hammer);

      const restarted = startServer(env, cwd);
      try {
        await restarted.waitUntilReady();
        const client = new HttpClient(restarted.baseUrl);
        expect((await client.signIn('admin', password)).status).toBe(200);
        expect((await client.get('/admin/api/users')).status).toBe(200);
      } finally {
        await restarted.stop();
      }
    });
  });
});
