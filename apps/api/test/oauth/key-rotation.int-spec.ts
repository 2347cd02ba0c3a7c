import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SigningKeyRecord } from '@keyhouse/api-keys';
import { migrate, openDatabase, parseDatabaseUrl } from '@keyhouse/api-persistence';
import { ENTITIES } from '../../src/entities';
import { freshDatabase, type TestDatabase } from '../support/databases';
import { HttpClient } from '../support/http-client';
import { createClient, decodeJwt, token, type Client } from '../support/oauth';
import { MAIN, startServer, type ServerProcess } from '../support/server-process';

/** `npm run keys:rotate`: a new key signs, the old one keeps verifying until its tokens expire. */
describe('signing key rotation', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const servers: ServerProcess[] = [];
  let client: Client;

  const start = async () => {
    const server = startServer(env);
    servers.push(server);
    await server.waitUntilReady();
    return server;
  };
  const accepted = (server: ServerProcess, jwt: string) =>
    fetch(`${server.baseUrl}/admin/api/me`, { headers: { authorization: `Bearer ${jwt}` } }).then((r) => r.status === 200);
  const kids = async (server: ServerProcess) =>
    ((await (await fetch(`${server.baseUrl}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid).sort();

  beforeAll(async () => {
    database = await freshDatabase();
    const keys = mkdtempSync(join(tmpdir(), 'keyhouse-rotation-'));
    env = {
      DATABASE_URL: database.url,
      ADMIN_PASSWORD: 'rotation-admin-password',
      ISSUER: 'http://keyhouse.test',
      OAUTH_PRIVATE_KEY_PATH: join(keys, 'private.pem'),
      OAUTH_PUBLIC_KEY_PATH: join(keys, 'public.pem'),
      OAUTH_GENERATE_KEYS: 'true',
    };
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database.drop();
  });

  it('rotates without breaking tokens already issued, across instances', async () => {
    const before = await start();
    const admin = new HttpClient(before.baseUrl);
    await admin.signIn('admin', 'rotation-admin-password');
    client = await createClient(admin, { name: 'Rotating', grants: ['client_credentials'], userId: 1 });
    const oldToken = (await token(before.baseUrl, { grant_type: 'client_credentials' }, { client })).body['access_token'] as string;
    const oldKid = decodeJwt(oldToken).header['kid'];

    const rotation = spawnSync(process.execPath, [MAIN.replace('main.js', 'cli.js'), 'keys', 'rotate'], {
      env: { ...process.env, ...env, NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(rotation.stderr).toBe('');
    expect(rotation.status).toBe(0);
    expect(rotation.stdout).toContain(`retired key: ${oldKid} (RS256), still verifying until`);

    const after = await start();
    const newToken = (await token(after.baseUrl, { grant_type: 'client_credentials' }, { client })).body['access_token'] as string;
    const newKid = decodeJwt(newToken).header['kid'];
    expect(newKid).not.toBe(oldKid);

    expect(await kids(after)).toEqual([oldKid, newKid].sort());
    expect(await accepted(after, oldToken)).toBe(true);
    // The instance started before the rotation learns the new key from the registry.
    expect(await accepted(before, newToken)).toBe(true);
    expect(await accepted(before, oldToken)).toBe(true);
  });

  it('stops verifying the retired key once its tokens have all expired', async () => {
    const server = servers[0];
    const oldToken = (await token(server.baseUrl, { grant_type: 'client_credentials' }, { client })).body['access_token'] as string;
    const dataSource = await openDatabase(parseDatabaseUrl(database.url), ENTITIES);
    try {
      await migrate(dataSource);
      await dataSource.createQueryBuilder().update(SigningKeyRecord).set({ verifyUntil: new Date(Date.now() - 1000) }).where('verifyUntil IS NOT NULL').execute();
    } finally {
      await dataSource.destroy();
    }
    const later = await start();
    expect(await kids(later)).toHaveLength(1);
    expect(await accepted(later, oldToken)).toBe(false);
  });
});
