import { createHmac } from 'node:crypto';
import { signingKeysOf, type ClientSigningKey } from '@keyhouse/api-applications';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { readAssertionHeader, readAssertionSubject, verifyClientAssertion } from './client-assertion';

const ISSUER = 'https://keyhouse.example';
const TOKEN_ENDPOINT = `${ISSUER}/oauth2-token`;
const NOW = new Date('2026-12-01T12:00:00Z');
const now = Math.floor(NOW.getTime() / 1000);
const expected = { clientId: 'client-1', audiences: [ISSUER, TOKEN_ENDPOINT], now: NOW };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

interface Signer {
  privateKey: CryptoKey;
  keys: ClientSigningKey[];
}

async function signer(alg: 'RS256' | 'PS256' | 'ES256' | 'EdDSA', kid = `${alg}-key`): Promise<Signer> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, keys: signingKeysOf({ keys: [{ ...(await exportJWK(publicKey)), kid }] }) };
}

function assertion({ privateKey }: Signer, alg: string, claims: JWTPayload = {}, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT({ iss: 'client-1', sub: 'client-1', aud: TOKEN_ENDPOINT, jti: 'jti-1', exp: now + 60, iat: now, ...claims })
    .setProtectedHeader({ alg, kid: `${alg}-key`, ...header })
    .sign(privateKey);
}

describe('private_key_jwt assertions (RFC 7523 3)', () => {
  let es: Signer;
  beforeAll(async () => {
    es = await signer('ES256');
  });

  it.each(['RS256', 'PS256', 'ES256', 'EdDSA'] as const)('accepts an assertion signed with %s by a key of the client', async (alg) => {
    const key = await signer(alg);
    expect(verifyClientAssertion(await assertion(key, alg), key.keys, expected)).toEqual({ jti: 'jti-1', acceptableUntil: new Date((now + 90) * 1000) });
  });

  it('accepts the issuer as audience, and a list holding one of ours', async () => {
    expect(verifyClientAssertion(await assertion(es, 'ES256', { aud: ISSUER }), es.keys, expected)).toBeDefined();
    expect(verifyClientAssertion(await assertion(es, 'ES256', { aud: ['https://elsewhere', TOKEN_ENDPOINT] }), es.keys, expected)).toBeDefined();
  });

  it('uses every key fit for the algorithm when the header names no kid', async () => {
    const signed = await new SignJWT({ iss: 'client-1', sub: 'client-1', aud: ISSUER, jti: 'j', exp: now + 60 }).setProtectedHeader({ alg: 'ES256' }).sign(es.privateKey);
    const other = await signer('ES256', 'other');
    expect(verifyClientAssertion(signed, [...other.keys, ...es.keys], expected)).toBeDefined();
  });

  it.each<[string, JWTPayload]>([
    ['another issuer', { iss: 'client-2' }],
    ['another subject', { sub: 'client-2' }],
    ['a wrong audience', { aud: 'https://elsewhere/oauth2-token' }],
    ['the wrong endpoint as audience', { aud: `${ISSUER}/oauth2-token/introspect` }],
    ['an expired assertion', { exp: now - 31 }],
    ['an assertion with no exp', { exp: undefined }],
    ['an exp more than five minutes ahead', { exp: now + 331 }],
    ['an assertion not valid yet', { nbf: now + 60 }],
    ['an assertion issued in the future', { iat: now + 60 }],
    ['no jti', { jti: undefined }],
    ['an empty jti', { jti: '' }],
  ])('refuses %s', async (_, claims) => {
    expect(verifyClientAssertion(await assertion(es, 'ES256', claims), es.keys, expected)).toBeUndefined();
  });

  it('tolerates clocks half a minute apart', async () => {
    expect(verifyClientAssertion(await assertion(es, 'ES256', { exp: now - 29, iat: now + 29, nbf: now + 29 }), es.keys, expected)).toBeDefined();
    expect(verifyClientAssertion(await assertion(es, 'ES256', { exp: now + 329 }), es.keys, expected)).toBeDefined();
  });

  it('refuses an assertion signed by another key, or under another kid', async () => {
    const stranger = await signer('ES256');
    expect(verifyClientAssertion(await assertion(stranger, 'ES256'), es.keys, expected)).toBeUndefined();
    expect(verifyClientAssertion(await assertion(es, 'ES256', {}, { kid: 'unknown' }), es.keys, expected)).toBeUndefined();
  });

  it('refuses alg none, HMAC keyed with the public key, and an algorithm the key is not for', async () => {
    const claims = { iss: 'client-1', sub: 'client-1', aud: ISSUER, jti: 'j', exp: now + 60 };
    const unsigned = `${b64({ alg: 'none' })}.${b64(claims)}.`;
    const hsInput = `${b64({ alg: 'HS256', kid: 'ES256-key' })}.${b64(claims)}`;
    const publicJwk = es.keys[0].key.export({ format: 'jwk' });
    const hmac = `${hsInput}.${createHmac('sha256', JSON.stringify(publicJwk)).update(hsInput).digest('base64url')}`;
    const rsa = await signer('RS256', 'ES256-key');
    for (const forged of [unsigned, hmac, await assertion(rsa, 'RS256', {}, { kid: 'ES256-key' })]) {
      expect(verifyClientAssertion(forged, es.keys, expected)).toBeUndefined();
    }
    expect(readAssertionHeader(unsigned)).toBeUndefined();
  });

  it('refuses tampered claims and a header with extensions to understand', async () => {
    const [header, , signature] = (await assertion(es, 'ES256')).split('.');
    expect(verifyClientAssertion(`${header}.${b64({ iss: 'client-1', sub: 'client-1', aud: ISSUER, jti: 'other', exp: now + 60 })}.${signature}`, es.keys, expected)).toBeUndefined();
    expect(verifyClientAssertion(await assertion(es, 'ES256', {}, { crit: ['b64'], b64: true }), es.keys, expected)).toBeUndefined();
  });

  it.each(['', 'a.b', 'a.b.c.d', '!!.??.**', `${b64({ alg: 'ES256' })}.${b64([1])}.x`])('refuses what is not a JWS: %s', (garbage) => {
    expect(verifyClientAssertion(garbage, es.keys, expected)).toBeUndefined();
  });

  it('reads the subject without trusting it, only to know whose keys to try', async () => {
    expect(readAssertionSubject(await assertion(es, 'ES256', { sub: 'someone' }))).toBe('someone');
    expect(readAssertionSubject('garbage')).toBeUndefined();
  });
});
