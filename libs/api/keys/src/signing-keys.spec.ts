import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS_MISSING_MESSAGE } from '@keyhouse/shared-contracts';
import { generateKeyPairFor, SIGNING_ALGORITHMS } from './signing-algorithms';
import { availabilityOf, generateSigningKeys, KeyFileError, loadSigningKeys, readSigningKeys } from './signing-keys';

const paths = () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyhouse-keys-'));
  return { privateKeyPath: join(dir, 'keys/private.pem'), publicKeyPath: join(dir, 'keys/public.pem') };
};
const pkcs8 = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' });

/** Key files holding this pair, as an operator would provide them. */
function keyFiles({ privateKey, publicKey }: { privateKey: KeyObject; publicKey: KeyObject }) {
  const files = paths();
  generateSigningKeys({ ...files, algorithm: 'EdDSA' });
  writeFileSync(files.privateKeyPath, pkcs8(privateKey));
  writeFileSync(files.publicKeyPath, publicKey.export({ type: 'spki', format: 'pem' }));
  return files;
}

describe('loadSigningKeys', () => {
  it.each(SIGNING_ALGORITHMS)('reports missing %s keys as a state when generation is off', (algorithm) => {
    const result = loadSigningKeys({ ...paths(), algorithm, generate: false });
    expect(result.keys).toBeUndefined();
    expect(availabilityOf(result.keys)).toEqual({ available: false, message: KEYS_MISSING_MESSAGE });
  });

  it.each([
    ['RS256', (key: KeyObject) => key.asymmetricKeyType === 'rsa' && key.asymmetricKeyDetails?.modulusLength === 2048],
    ['ES256', (key: KeyObject) => key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1'],
    ['EdDSA', (key: KeyObject) => key.asymmetricKeyType === 'ed25519'],
  ] as const)('generates a %s pair of its type with a private key only its owner can read, then loads it again', (algorithm, isOfType) => {
    const options = { ...paths(), algorithm, generate: true };
    const first = loadSigningKeys(options);
    expect(first.generated).toBe(true);
    expect(first.keys?.alg).toBe(algorithm);
    expect(isOfType(first.keys?.privateKey as KeyObject)).toBe(true);
    expect(statSync(options.privateKeyPath).mode & 0o777).toBe(0o600);

    const second = loadSigningKeys(options);
    expect(second.generated).toBe(false);
    expect(second.keys?.alg).toBe(algorithm);
    expect(second.keys?.publicKey.equals(first.keys?.publicKey as KeyObject)).toBe(true);
    expect(availabilityOf(second.keys).available).toBe(true);
  });

  it('refuses a file that is not a key, naming the variable', () => {
    const options = { ...paths(), algorithm: 'RS256' as const, generate: false };
    loadSigningKeys({ ...options, generate: true });
    writeFileSync(options.privateKeyPath, 'not a key');
    expect(() => loadSigningKeys(options)).toThrow(new KeyFileError(`OAUTH_PRIVATE_KEY_PATH=${options.privateKeyPath}: not a PEM key this server can read`));
  });

  it('refuses a public key that does not belong to the private key', () => {
    const options = { ...paths(), algorithm: 'RS256' as const, generate: true };
    loadSigningKeys(options);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' });
    writeFileSync(options.publicKeyPath, other);
    expect(() => loadSigningKeys(options)).toThrow(/OAUTH_PUBLIC_KEY_PATH=.*does not belong to the private key/);
  });

  it.each([
    ['RS256', 'an RSA key (1024 bits)', () => generateKeyPairSync('rsa', { modulusLength: 1024 }), 'an RSA key of at least 2048 bits'],
    ['ES256', 'an RSA key (2048 bits)', () => generateKeyPairFor('RS256'), 'a P-256 EC key'],
    ['ES256', 'an EC key on secp384r1', () => generateKeyPairSync('ec', { namedCurve: 'P-384' }), 'a P-256 EC key'],
    ['ES256', 'an Ed25519 key', () => generateKeyPairFor('EdDSA'), 'a P-256 EC key'],
    ['EdDSA', 'a P-256 EC key', () => generateKeyPairFor('ES256'), 'an Ed25519 key'],
    ['EdDSA', 'a key of type ed448', () => generateKeyPairSync('ed448'), 'an Ed25519 key'],
    ['RS256', 'a P-256 EC key', () => generateKeyPairFor('ES256'), 'an RSA key of at least 2048 bits'],
  ] as const)('with OAUTH_SIGNING_ALG=%s refuses %s, naming both variables, the file and what it needs', (algorithm, holds, pair, needs) => {
    const files = keyFiles(pair());
    expect(() => loadSigningKeys({ ...files, algorithm, generate: true })).toThrow(
      new KeyFileError(`OAUTH_PRIVATE_KEY_PATH=${files.privateKeyPath}: holds ${holds}, but OAUTH_SIGNING_ALG=${algorithm} needs ${needs}`),
    );
  });

  it('never replaces a public key whose private half is missing', () => {
    const options = { ...paths(), algorithm: 'ES256' as const, generate: true };
    loadSigningKeys(options);
    const { publicKeyPath } = options;
    const lonely = { ...paths(), publicKeyPath, algorithm: 'ES256' as const, generate: true };
    expect(() => loadSigningKeys(lonely)).toThrow(/refusing to replace a public key/);
  });
});

describe('readSigningKeys (what a rotation retires, what an instance picks up)', () => {
  it.each(SIGNING_ALGORITHMS)('reads a %s pair whatever OAUTH_SIGNING_ALG says', (algorithm) => {
    const pair = generateKeyPairFor(algorithm);
    const keys = readSigningKeys(keyFiles(pair));
    expect(keys?.alg).toBe(algorithm);
    expect(keys?.publicKey.equals(pair.publicKey)).toBe(true);
  });

  it('is undefined without a key, and refuses a key of no type it signs with', () => {
    expect(readSigningKeys(paths())).toBeUndefined();
    const files = keyFiles(generateKeyPairSync('ec', { namedCurve: 'P-384' }));
    expect(() => readSigningKeys(files)).toThrow(new KeyFileError(`OAUTH_PRIVATE_KEY_PATH=${files.privateKeyPath}: holds an EC key on secp384r1, which signs none of RS256, ES256, EdDSA`));
  });
});

describe('generateSigningKeys (`keys generate`)', () => {
  it.each(SIGNING_ALGORITHMS)('writes a %s pair', (algorithm) => {
    const files = paths();
    expect(generateSigningKeys({ ...files, algorithm }).alg).toBe(algorithm);
    expect(loadSigningKeys({ ...files, algorithm, generate: false }).keys?.alg).toBe(algorithm);
  });
});
