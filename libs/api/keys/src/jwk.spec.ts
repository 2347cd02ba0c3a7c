import { createPublicKey, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { publicJwk, thumbprint } from './jwk';
import { generateKeyPairFor, SIGNING_ALGORITHMS } from './signing-algorithms';

describe('JWK', () => {
  it('computes the RFC 7638 thumbprint (the RFC\'s own example)', () => {
    const example = createPublicKey({
      format: 'jwk',
      key: {
        kty: 'RSA',
        e: 'AQAB',
        n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      },
    });
    expect(thumbprint(example)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('computes the thumbprint of an Ed25519 key (RFC 8037 A.3)', () => {
    const example = createPublicKey({ format: 'jwk', key: { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' } });
    expect(thumbprint(example)).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it.each(SIGNING_ALGORITHMS)('a thumbprint of a %s key is what jose computes', async (alg) => {
    const { publicKey } = generateKeyPairFor(alg);
    expect(thumbprint(publicKey)).toBe(await calculateJwkThumbprint(publicKey.export({ format: 'jwk' }) as Parameters<typeof calculateJwkThumbprint>[0]));
  });

  it.each([
    ['RS256', { kty: 'RSA' }, ['alg', 'e', 'kid', 'kty', 'n', 'use']],
    ['ES256', { kty: 'EC', crv: 'P-256' }, ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']],
    ['EdDSA', { kty: 'OKP', crv: 'Ed25519' }, ['alg', 'crv', 'kid', 'kty', 'use', 'x']],
  ] as const)('publishes a %s key with its alg, type and curve, and only the public members', (alg, type, members) => {
    const { publicKey } = generateKeyPairFor(alg);
    const jwk = publicJwk(publicKey);
    expect(Object.keys(jwk).sort()).toEqual(members);
    expect(jwk).toMatchObject({ ...type, alg, use: 'sig', kid: thumbprint(publicKey) });
    expect(createPublicKey({ format: 'jwk', key: jwk as JsonWebKey }).equals(publicKey)).toBe(true);
  });

  it('has no JWK for a key it does not sign with', () => {
    expect(() => publicJwk(generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey)).toThrow('no signing JWK for an EC key on secp384r1');
  });
});
