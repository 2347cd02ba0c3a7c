import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS_MISSING_MESSAGE } from '@keyhouse/shared-contracts';
import { availabilityOf, KeyFileError, loadSigningKeys } from './signing-keys';

const paths = () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyhouse-keys-'));
  return { privateKeyPath: join(dir, 'keys/private.pem'), publicKeyPath: join(dir, 'keys/public.pem') };
};

describe('loadSigningKeys', () => {
  it('reports missing keys as a state when generation is off', () => {
    const result = loadSigningKeys({ ...paths(), generate: false });
    expect(result.keys).toBeUndefined();
    expect(availabilityOf(result.keys)).toEqual({ available: false, message: KEYS_MISSING_MESSAGE });
  });

  it('generates a 2048-bit pair with a private key only its owner can read, then loads it again', () => {
    const options = { ...paths(), generate: true };
    const first = loadSigningKeys(options);
    expect(first.generated).toBe(true);
    expect(first.keys?.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(statSync(options.privateKeyPath).mode & 0o777).toBe(0o600);

    const second = loadSigningKeys(options);
    expect(second.generated).toBe(false);
    expect(second.keys?.publicKey.export({ type: 'spki', format: 'pem' })).toBe(first.keys?.publicKey.export({ type: 'spki', format: 'pem' }));
    expect(availabilityOf(second.keys).available).toBe(true);
  });

  it('refuses a file that is not a key, naming the variable', () => {
    const options = { ...paths(), generate: false };
    loadSigningKeys({ ...options, generate: true });
    writeFileSync(options.privateKeyPath, 'not a key');
    expect(() => loadSigningKeys(options)).toThrow(new KeyFileError(`OAUTH_PRIVATE_KEY_PATH=${options.privateKeyPath}: not a PEM key this server can read`));
  });

  it('refuses a public key that does not belong to the private key', () => {
    const options = { ...paths(), generate: true };
    loadSigningKeys(options);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' });
    writeFileSync(options.publicKeyPath, other);
    expect(() => loadSigningKeys(options)).toThrow(/OAUTH_PUBLIC_KEY_PATH=.*does not belong to the private key/);
  });

  it('refuses weak keys', () => {
    const options = { ...paths(), generate: true };
    loadSigningKeys(options);
    writeFileSync(options.privateKeyPath, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => loadSigningKeys(options)).toThrow(/at least 2048 bits/);
  });

  it('never replaces a public key whose private half is missing', () => {
    const options = { ...paths(), generate: true };
    loadSigningKeys(options);
    const { publicKeyPath } = options;
    const lonely = { ...paths(), publicKeyPath, generate: true };
    expect(() => loadSigningKeys(lonely)).toThrow(/refusing to replace a public key/);
  });
});
