import { generateKeyPairSync } from 'node:crypto';
import { algorithmOf, describeKey, generateKeyPairFor, isSigningAlgorithm, keyNeededBy, SIGNING_ALGORITHMS, signWith, verifyWith } from './signing-algorithms';

const input = Buffer.from('header.payload');

describe('signing algorithms (OAUTH_SIGNING_ALG)', () => {
  it('are RS256, ES256 and EdDSA, spelled as JWS spells them', () => {
    expect(SIGNING_ALGORITHMS).toEqual(['RS256', 'ES256', 'EdDSA']);
    expect(['RS256', 'ES256', 'EdDSA'].every(isSigningAlgorithm)).toBe(true);
    expect(['rs256', 'es256', 'EDDSA', 'HS256', 'PS256', 'none', 'ES384', ''].some(isSigningAlgorithm)).toBe(false);
  });

  it('each generates the key type it needs, and knows that type back', () => {
    const rsa = generateKeyPairFor('RS256');
    expect(rsa.privateKey.asymmetricKeyType).toBe('rsa');
    expect(rsa.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(generateKeyPairFor('ES256').privateKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(generateKeyPairFor('EdDSA').privateKey.asymmetricKeyType).toBe('ed25519');
    for (const alg of SIGNING_ALGORITHMS) {
      const { privateKey, publicKey } = generateKeyPairFor(alg);
      expect([algorithmOf(privateKey), algorithmOf(publicKey)]).toEqual([alg, alg]);
    }
  });

  it('a key of any other type, curve or size signs with none of them', () => {
    const others = [
      generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey,
      generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).publicKey,
      generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey,
      generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey,
      generateKeyPairSync('ed448').publicKey,
      generateKeyPairSync('x25519').publicKey,
    ];
    expect(others.map(algorithmOf)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('says what a key is and what an algorithm needs, for start-up errors', () => {
    expect(describeKey(generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey)).toBe('an RSA key (1024 bits)');
    expect(describeKey(generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey)).toBe('an EC key on secp384r1');
    expect(describeKey(generateKeyPairFor('ES256').privateKey)).toBe('a P-256 EC key');
    expect(describeKey(generateKeyPairFor('EdDSA').privateKey)).toBe('an Ed25519 key');
    expect(describeKey(generateKeyPairSync('ed448').privateKey)).toBe('a key of type ed448');
    expect(SIGNING_ALGORITHMS.map(keyNeededBy)).toEqual(['an RSA key of at least 2048 bits', 'a P-256 EC key', 'an Ed25519 key']);
  });

  it.each([
    ['RS256', 256],
    // RFC 7518 3.4: r || s, 32 octets each, not DER.
    ['ES256', 64],
    ['EdDSA', 64],
  ] as const)('%s signs and verifies (a %d-byte signature); another key or other input does not verify', (alg, length) => {
    const { privateKey, publicKey } = generateKeyPairFor(alg);
    const signature = signWith(alg, input, privateKey);
    expect(signature).toHaveLength(length);
    expect(verifyWith(alg, input, publicKey, signature)).toBe(true);
    expect(verifyWith(alg, input, generateKeyPairFor(alg).publicKey, signature)).toBe(false);
    expect(verifyWith(alg, Buffer.from('header.other'), publicKey, signature)).toBe(false);
    expect(verifyWith(alg, input, publicKey, Buffer.alloc(0))).toBe(false);
  });
});
