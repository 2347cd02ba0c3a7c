import { generateKeyPairSync } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { jwkSetProblem, signingKeysOf } from './jwk-set';

async function publicJwk(alg: 'RS256' | 'ES256' | 'EdDSA' | 'PS256', options: { modulusLength?: number; crv?: string } = {}) {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true, ...options });
  return { publicJwk: await exportJWK(publicKey), privateJwk: await exportJWK(privateKey) };
}

describe('JWK Sets of private_key_jwt clients', () => {
  it('accepts public RSA, EC P-256 and Ed25519 keys, with what each may verify', async () => {
    const rsa = (await publicJwk('RS256')).publicJwk;
    const ec = (await publicJwk('ES256')).publicJwk;
    const ed = (await publicJwk('EdDSA')).publicJwk;
    const jwks = { keys: [{ ...rsa, kid: 'r', use: 'sig' }, { ...ec, kid: 'e', alg: 'ES256' }, { ...ed, kid: 'o' }] };
    expect(jwkSetProblem(jwks)).toBeUndefined();
    expect(signingKeysOf(jwks).map(({ kid, algorithms, key }) => [kid, algorithms, key.type])).toEqual([
      ['r', ['RS256', 'PS256'], 'public'],
      ['e', ['ES256'], 'public'],
      ['o', ['EdDSA'], 'public'],
    ]);
  });

  it('narrows a key to the alg it names', async () => {
    const rsa = (await publicJwk('PS256')).publicJwk;
    expect(signingKeysOf({ keys: [{ ...rsa, alg: 'PS256' }] })[0].algorithms).toEqual(['PS256']);
  });

  it('refuses private keys, whichever type', async () => {
    for (const alg of ['RS256', 'ES256', 'EdDSA'] as const) {
      const { privateJwk } = await publicJwk(alg);
      expect(jwkSetProblem({ keys: [privateJwk] })).toBe('Key 1 is a private key: register its public part only.');
    }
  });

  it('refuses symmetric keys', () => {
    expect(jwkSetProblem({ keys: [{ kty: 'oct', k: 'c2VjcmV0' }] })).toBe('Key 1 is a symmetric key: register public keys only (RSA, EC P-256, Ed25519).');
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'keys', 'Paste a JWK Set: a JSON object with a "keys" list.'],
    ['a bare key', { kty: 'RSA' }, 'Paste a JWK Set: a JSON object with a "keys" list.'],
    ['no keys', { keys: [] }, 'List from 1 to 10 keys.'],
    ['a key that is no object', { keys: ['x'] }, 'Key 1 is not a JSON object.'],
    ['an unknown key type', { keys: [{ kty: 'XYZ' }] }, 'Key 1 has no supported kty (RSA, EC or OKP).'],
    ['a point off the curve', { keys: [{ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' }] }, 'Key 1 is not a valid public key.'],
  ])('refuses %s', (_, jwks, problem) => {
    expect(jwkSetProblem(jwks)).toBe(problem);
  });

  it('refuses keys it could not verify a supported algorithm with', async () => {
    const ec384 = (await publicJwk('ES256')).publicJwk;
    const { publicKey } = await generateKeyPair('ES384', { extractable: true });
    expect(jwkSetProblem({ keys: [await exportJWK(publicKey)] })).toBe('Key 1 is an EC key on another curve than P-256 (ES256).');
    expect(jwkSetProblem({ keys: [{ ...ec384, alg: 'HS256' }] })).toBe('Key 1 names alg "HS256", but a key of its type signs ES256 here.');
    expect(jwkSetProblem({ keys: [{ ...ec384, use: 'enc' }] })).toBe('Key 1 is not a signing key ("use" must be "sig").');
    expect(jwkSetProblem({ keys: [{ ...ec384, key_ops: ['encrypt'] }] })).toBe('Key 1 does not allow "verify" in its key_ops.');
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    expect(jwkSetProblem({ keys: [small] })).toBe('Key 1 is an RSA key of fewer than 2048 bits.');
  });

  it('refuses two keys with one kid, and more than ten keys', async () => {
    const { publicJwk: one } = await publicJwk('ES256');
    expect(jwkSetProblem({ keys: [{ ...one, kid: 'a' }, { ...one, kid: 'a' }] })).toBe('Key 2 repeats the kid "a": each key needs its own.');
    expect(jwkSetProblem({ keys: Array.from({ length: 11 }, (_, i) => ({ ...one, kid: String(i) })) })).toBe('List from 1 to 10 keys.');
  });

  it('keeps the usable keys of a fetched set and leaves out the rest', async () => {
    const { publicJwk: ec, privateJwk } = await publicJwk('ES256');
    expect(signingKeysOf({ keys: [{ ...ec, use: 'enc' }, privateJwk, { kty: 'oct', k: 'eA' }, { ...ec, kid: 'good' }] }).map((key) => key.kid)).toEqual(['good']);
    expect(signingKeysOf('nonsense')).toEqual([]);
  });
});
