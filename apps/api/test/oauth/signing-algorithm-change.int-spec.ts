import { spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, importPKCS8, jwtVerify, SignJWT } from 'jose';
import { SigningKeyRecord } from '@keyhouse/api-keys';
import { migrate, openDatabase, parseDatabaseUrl } from '@keyhouse/api-persistence';
import { In } from 'typeorm';
import { runCli } from '../../src/cli/run';
import { ENTITIES } from '../../src/entities';
import { authorize, CALLBACK, codeOf } from '../support/authorize';
import { freshDatabase, TEST_DIALECT, type TestDatabase } from '../support/databases';
import { HttpClient } from '../support/http-client';
import { createClient, decodeJwt, post, token, type Client } from '../support/oauth';
import { MAIN, startServer, type ServerProcess } from '../support/server-process';

const ISSUER = 'http://keyhouse.test';
const PASSWORD = 'algorithm-change-password';

/**
 * Changing OAUTH_SIGNING_ALG without downtime: by restarting with new key files, or with `keys
 * rotate`. Tokens of the old algorithm verify with their own key (by kid) until they expire or
 * the key is retired; new tokens are of the new algorithm.
 */
describe(`changing the signing algorithm on one ${TEST_DIALECT} database`, () => {
  let database: TestDatabase;
  let base: Record<string, string>;
  const servers: ServerProcess[] = [];
  const rsaKeys = keyFiles();
  const sharedKeys = keyFiles();
  let machine: Client;
  let es: ServerProcess;
  let ed: ServerProcess;
  const old: { rs256?: string; es256?: string; rs256OpenId?: string } = {};

  const start = async (env: Record<string, string>) => {
    const server = startServer({ ...base, ...env });
    servers.push(server);
    await server.waitUntilReady();
    return server;
  };
  const issue = async (server: ServerProcess) => (await token(server.baseUrl, { grant_type: 'client_credentials' }, { client: machine })).body['access_token'] as string;
  const accepted = async (server: ServerProcess, jwt: string) => {
    const me = (await fetch(`${server.baseUrl}/admin/api/me`, { headers: { authorization: `Bearer ${jwt}` } })).status;
    const introspected = (await post(server.baseUrl, '/oauth2-token/introspect', { token: jwt }, { client: machine })).body['active'];
    // Both or neither: a token is good or it is not, wherever it is presented.
    expect({ me, introspected }).toEqual(me === 200 ? { me: 200, introspected: true } : { me: 401, introspected: false });
    return me === 200;
  };
  const published = async (server: ServerProcess) =>
    ((await (await fetch(`${server.baseUrl}/.well-known/jwks.json`)).json()) as { keys: Array<Record<string, string>> }).keys
      .map(({ kid, alg, kty, crv }) => ({ kid, alg, kty, ...(crv ? { crv } : {}) }))
      .sort((a, b) => a.alg.localeCompare(b.alg));
  const metadataAlgorithms = async (server: ServerProcess) => {
    const metadata = (await (await fetch(`${server.baseUrl}/.well-known/openid-configuration`)).json()) as Record<string, string[]>;
    expect(metadata['access_token_signing_alg_values_supported']).toEqual(metadata['id_token_signing_alg_values_supported']);
    return metadata['id_token_signing_alg_values_supported'];
  };

  beforeAll(async () => {
    database = await freshDatabase();
    base = { DATABASE_URL: database.url, ADMIN_PASSWORD: PASSWORD, ISSUER };
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database.drop();
  });

  it('RS256 to ES256 by restarting with new key files: RS256 tokens still work everywhere, new ones are ES256', async () => {
    const rsa = await start({ ...rsaKeys, OAUTH_GENERATE_KEYS: 'true' });
    const admin = new HttpClient(rsa.baseUrl);
    await admin.signIn('admin', PASSWORD);
    machine = await createClient(admin, { name: 'Machine', grants: ['client_credentials'], userId: 1 });
    const rp = await createClient(admin, { name: 'Relying party', grants: ['authorization_code'], redirectUris: [CALLBACK] });
    old.rs256 = await issue(rsa);
    const code = codeOf(await authorize(admin, { response_type: 'code', client_id: rp.clientId, redirect_uri: CALLBACK, scope: 'openid' }));
    old.rs256OpenId = (await token(rsa.baseUrl, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK }, { client: rp })).body['access_token'] as string;
    const rsKid = decodeJwt(old.rs256).header['kid'];
    expect(decodeJwt(old.rs256).header['alg']).toBe('RS256');
    await rsa.stop();

    es = await start({ ...sharedKeys, OAUTH_SIGNING_ALG: 'ES256', OAUTH_GENERATE_KEYS: 'true' });
    old.es256 = await issue(es);
    const esKid = decodeJwt(old.es256).header['kid'];
    expect(decodeJwt(old.es256).header).toEqual({ alg: 'ES256', typ: 'at+jwt', kid: esKid });

    expect(await accepted(es, old.rs256)).toBe(true);
    const userinfo = await fetch(`${es.baseUrl}/oauth2-token/userinfo`, { headers: { authorization: `Bearer ${old.rs256OpenId}` } });
    expect(userinfo.status).toBe(200);
    expect(await published(es)).toEqual([
      { kid: esKid, alg: 'ES256', kty: 'EC', crv: 'P-256' },
      { kid: rsKid, alg: 'RS256', kty: 'RSA' },
    ]);
    // The new algorithm first; the old one while its key verifies, so a client holding tokens to the list takes both.
    const algorithms = await metadataAlgorithms(es);
    expect(algorithms).toEqual(['ES256', 'RS256']);
    const jwks = createRemoteJWKSet(new URL(`${es.baseUrl}/.well-known/jwks.json`));
    for (const jwt of [old.rs256, old.es256]) {
      expect((await jwtVerify(jwt, jwks, { algorithms, typ: 'at+jwt', issuer: ISSUER })).payload['client_id']).toBe(machine.clientId);
    }
  });

  it('ES256 to EdDSA by `keys rotate`: the running ES256 instance takes EdDSA tokens, the new one takes every older token', async () => {
    const rotation = spawnSync(process.execPath, [MAIN.replace('main.js', 'cli.js'), 'keys', 'rotate'], {
      env: { ...process.env, ...base, ...sharedKeys, OAUTH_SIGNING_ALG: 'EdDSA', NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(rotation.stderr).toBe('');
    expect(rotation.status).toBe(0);
    const esKid = decodeJwt(old.es256 as string).header['kid'];
    expect(rotation.stdout).toMatch(/\n {2}new key: {5}\S+ \(EdDSA, .*private\.pem\)\n/);
    expect(rotation.stdout).toContain(`retired key: ${esKid} (ES256), still verifying until`);
    expect(rotation.stdout).toContain('Every instance needs OAUTH_SIGNING_ALG=EdDSA from its next start.');
    expect(createPrivateKey(readFileSync(sharedKeys.OAUTH_PRIVATE_KEY_PATH, 'utf8')).asymmetricKeyType).toBe('ed25519');

    ed = await start({ ...sharedKeys, OAUTH_SIGNING_ALG: 'EdDSA' });
    const edToken = await issue(ed);
    expect(decodeJwt(edToken).header['alg']).toBe('EdDSA');
    expect(await accepted(ed, old.es256 as string)).toBe(true);
    expect(await accepted(ed, old.rs256 as string)).toBe(true);
    // Started as ES256 before the rotation, it learns the EdDSA key from the registry.
    expect(await accepted(es, edToken)).toBe(true);
    expect((await published(ed)).map((key) => key.alg)).toEqual(['EdDSA', 'ES256', 'RS256']);
    expect(await metadataAlgorithms(ed)).toEqual(['EdDSA', 'RS256', 'ES256']);
  });

  it('an old-algorithm token stops being accepted once expired, or once its key is retired', async () => {
    // Tokens as the RS256 key signed them, one still valid and one expired: only `exp` differs.
    const privateKey = await importPKCS8(readFileSync(rsaKeys.OAUTH_PRIVATE_KEY_PATH, 'utf8'), 'RS256');
    const { header, claims } = decodeJwt(old.rs256 as string);
    const now = Math.floor(Date.now() / 1000);
    const signedByRs = (exp: number) =>
      new SignJWT({ ...claims, iat: now - 120, exp }).setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: header['kid'] as string }).sign(privateKey);
    expect(await accepted(ed, await signedByRs(now + 600))).toBe(true);
    expect(await accepted(ed, await signedByRs(now - 1))).toBe(false);

    // The RS256 key was replaced by restarting with other files: `keys retire` retires it as a rotation would have.
    const [rsKid, esKid, edKid] = [old.rs256, old.es256, await issue(ed)].map((jwt) => decodeJwt(jwt as string).header['kid'] as string);
    const keyhouse = async (...argv: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(argv, { ...base, ...sharedKeys, OAUTH_SIGNING_ALG: 'EdDSA' }, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
      return { code, stdout, stderr };
    };
    const retired = await keyhouse('keys', 'retire', rsKid);
    expect(retired).toMatchObject({ code: 0, stderr: '' });
    expect(retired.stdout).toMatch(new RegExp(`^Retired signing key ${rsKid} \\(RS256\\) of .*: it verifies until \\S+Z, then leaves the JWKS\\.\\n`));
    expect((await keyhouse('keys', 'retire', esKid)).stdout).toMatch(new RegExp(`^Signing key ${esKid} \\(ES256\\) was already retired: it verifies until \\S+Z\\.\\n$`));
    expect(await keyhouse('keys', 'retire', edKid)).toMatchObject({ code: 1, stderr: expect.stringMatching(/^keyhouse: OAUTH_PRIVATE_KEY_PATH=.*: holds key \S+, which instances sign with; `keys rotate` replaces it\n$/) });
    expect(await keyhouse('keys', 'retire', 'no-such-kid')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^keyhouse: keys retire: no signing key "no-such-kid" is registered in /) });
    expect(await accepted(ed, old.rs256 as string)).toBe(true);

    // A day later (here: their verifyUntil moved to the past), both retired keys are gone.
    const dataSource = await openDatabase(parseDatabaseUrl(database.url), ENTITIES);
    try {
      await migrate(dataSource);
      await dataSource.getRepository(SigningKeyRecord).update({ kid: In([rsKid, esKid]) }, { verifyUntil: new Date(Date.now() - 1000) });
    } finally {
      await dataSource.destroy();
    }
    const later = await start({ ...sharedKeys, OAUTH_SIGNING_ALG: 'EdDSA' });
    expect(await accepted(later, old.es256 as string)).toBe(false);
    expect(await accepted(later, old.rs256 as string)).toBe(false);
    expect(await published(later)).toEqual([{ kid: edKid, alg: 'EdDSA', kty: 'OKP', crv: 'Ed25519' }]);
    expect(await metadataAlgorithms(later)).toEqual(['EdDSA']);
  });
});

function keyFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'keyhouse-algorithm-'));
  return { OAUTH_PRIVATE_KEY_PATH: join(dir, 'private.pem'), OAUTH_PUBLIC_KEY_PATH: join(dir, 'public.pem') };
}

