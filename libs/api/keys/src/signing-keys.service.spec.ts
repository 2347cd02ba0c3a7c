import { type KeyObject } from 'node:crypto';
import { mkdtempSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { thumbprint } from './jwk';
import type { KeysOptions } from './keys-options';
import { rotateSigningKeys } from './rotate-signing-keys';
import type { SigningKeyRecord } from './signing-key.entity';
import { generateKeyPairFor } from './signing-algorithms';
import { loadSigningKeys } from './signing-keys';
import { SigningKeysService } from './signing-keys.service';

const pem = (publicKey: KeyObject) => publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** The registry (oauth_signing_keys) in memory: what the service reads and what it registers. */
function registry(records: Array<Pick<SigningKeyRecord, 'kid' | 'publicKey' | 'verifyUntil'>> = []) {
  const rows = new Map(records.map((record) => [record.kid, record]));
  const repository = {
    find: async () => [...rows.values()].filter((row) => !row.verifyUntil || row.verifyUntil.getTime() > Date.now()),
    findOneBy: async ({ kid }: { kid: string }) => rows.get(kid) ?? null,
    upsert: async (row: SigningKeyRecord) => void rows.set(row.kid, row),
  };
  // INSERT ... OR IGNORE, as the service registers its key.
  const insert: Record<string, (row?: SigningKeyRecord) => unknown> = {
    into: () => insert,
    values: (row) => {
      if (row && !rows.has(row.kid)) rows.set(row.kid, row);
      return insert;
    },
    orIgnore: () => insert,
    execute: async () => undefined,
  };
  const dataSource = {
    getRepository: () => repository,
    createQueryBuilder: () => ({ insert: () => insert }),
    transaction: async (work: (db: unknown) => Promise<void>) => work({ getRepository: () => repository }),
  } as unknown as DataSource;
  return { rows, dataSource };
}

const keyFiles = (algorithm: KeysOptions['algorithm'], generate = true): KeysOptions => {
  const dir = mkdtempSync(join(tmpdir(), 'keyhouse-service-'));
  return { privateKeyPath: join(dir, 'private.pem'), publicKeyPath: join(dir, 'public.pem'), algorithm, generate };
};
const serviceFor = (options: KeysOptions, dataSource: DataSource) => new SigningKeysService({ ...options, loaded: loadSigningKeys(options) }, dataSource);

describe('SigningKeysService', () => {
  let warnings: string[];
  beforeEach(() => {
    warnings = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  it('signs with the key of OAUTH_SIGNING_ALG, and says what it generated', async () => {
    const service = serviceFor(keyFiles('ES256'), registry().dataSource);
    expect(service.signingKey?.alg).toBe('ES256');
    expect(warnings[0]).toMatch(/^generated a new ES256 key pair \(a P-256 EC key\): /);
    expect(await service.algorithms()).toEqual(['ES256']);
  });

  it('verifies each registered key with its own algorithm, and lists every algorithm still verifying, its own first', async () => {
    const rsa = generateKeyPairFor('RS256');
    const ed = generateKeyPairFor('EdDSA');
    const retired = generateKeyPairFor('ES256');
    const { dataSource } = registry([
      { kid: thumbprint(rsa.publicKey), publicKey: pem(rsa.publicKey), verifyUntil: null },
      { kid: thumbprint(ed.publicKey), publicKey: pem(ed.publicKey), verifyUntil: new Date(Date.now() + 60_000) },
      { kid: thumbprint(retired.publicKey), publicKey: pem(retired.publicKey), verifyUntil: new Date(Date.now() - 1000) },
    ]);
    const service = serviceFor(keyFiles('ES256'), dataSource);
    expect(await service.verificationKey(thumbprint(rsa.publicKey))).toEqual({ alg: 'RS256', publicKey: expect.anything() });
    expect((await service.verificationKey(thumbprint(ed.publicKey)))?.alg).toBe('EdDSA');
    expect(await service.verificationKey(thumbprint(retired.publicKey))).toBeUndefined();
    expect(await service.verificationKey('unknown')).toBeUndefined();
    expect(await service.algorithms()).toEqual(['ES256', 'RS256', 'EdDSA']);
    expect((await service.jwks()).keys.map((key) => key.alg).sort()).toEqual(['ES256', 'EdDSA', 'RS256']);
  });

  it('without keys, the metadata still names OAUTH_SIGNING_ALG: what it will sign with', async () => {
    const service = serviceFor(keyFiles('EdDSA', false), registry().dataSource);
    expect(service.signingKey).toBeUndefined();
    expect(service.availability().available).toBe(false);
    expect(await service.algorithms()).toEqual(['EdDSA']);
  });

  it('picks up key files rotated to another algorithm within 30 seconds, and reminds to change OAUTH_SIGNING_ALG', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    const options = keyFiles('RS256');
    const { rows, dataSource } = registry();
    const service = serviceFor(options, dataSource);
    await service.onModuleInit();
    const rsKid = service.signingKey?.kid as string;

    const rotation = await rotateSigningKeys({ ...options, algorithm: 'EdDSA' }, dataSource);
    utimesSync(options.privateKeyPath, new Date(), new Date(Date.now() + 5000));
    await jest.advanceTimersByTimeAsync(30_000);

    expect(service.signingKey).toMatchObject({ alg: 'EdDSA', kid: rotation.newKid });
    expect(warnings).toContain('the rotated key signs EdDSA but OAUTH_SIGNING_ALG=RS256: set OAUTH_SIGNING_ALG=EdDSA before this instance starts again');
    expect((await service.verificationKey(rsKid))?.alg).toBe('RS256');
    expect(await service.algorithms()).toEqual(['EdDSA', 'RS256']);
    expect(rows.get(rsKid)?.verifyUntil).toEqual(rotation.verifyUntil);
    service.onModuleDestroy();
  });
});
