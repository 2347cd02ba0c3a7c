import { createHmac, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { SIGNING_ALGORITHMS, signWith, thumbprint, type ActiveSigningKey, type SigningAlgorithm, type VerificationKey } from '@keyhouse/api-keys';
import { signJwt, verifyJwt } from './jwt';

const pairs = () => ({
  RS256: generateKeyPairSync('rsa', { modulusLength: 2048 }),
  ES256: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  EdDSA: generateKeyPairSync('ed25519'),
});
const PAIRS = pairs();
const ATTACKER = pairs();
const signer = (alg: SigningAlgorithm, privateKey: KeyObject = PAIRS[alg].privateKey, kid = thumbprint(PAIRS[alg].publicKey)): ActiveSigningKey => ({ alg, kid, privateKey });
/** Every key the server verifies with, each by its kid, each with its own algorithm. */
const keys = new Map<string, VerificationKey>(SIGNING_ALGORITHMS.map((alg) => [thumbprint(PAIRS[alg].publicKey), { alg, publicKey: PAIRS[alg].publicKey }]));
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A token whose header says what an attacker wants, signed over that header by `signature`. */
const forge = (header: Record<string, unknown>, signature: (input: Buffer) => Buffer) => {
  const input = `${b64(header)}.${b64({ sub: 'admin' })}`;
  return `${input}.${signature(Buffer.from(input)).toString('base64url')}`;
};

describe('JWT (RFC 7515 / 9068) with RS256, ES256 and EdDSA keys', () => {
  it.each(SIGNING_ALGORITHMS)('%s: signs with the key\'s algorithm and kid, and verifies', (alg) => {
    const token = signJwt('at+jwt', { sub: '1' }, signer(alg));
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toEqual({ alg, typ: 'at+jwt', kid: thumbprint(PAIRS[alg].publicKey) });
    expect(verifyJwt(token, 'at+jwt', keys)).toEqual({ sub: '1' });
  });

  it.each(SIGNING_ALGORITHMS)('%s: refuses alg none, HS256 keyed with the public key, another key, a wrong type, and tampering', (alg) => {
    const kid = thumbprint(PAIRS[alg].publicKey);
    const claims = b64({ sub: 'admin' });
    expect(verifyJwt(`${b64({ alg: 'none', typ: 'at+jwt', kid })}.${claims}.`, 'at+jwt', keys)).toBeUndefined();

    for (const secret of [PAIRS[alg].publicKey.export({ type: 'spki', format: 'pem' }), JSON.stringify(PAIRS[alg].publicKey.export({ format: 'jwk' }))]) {
      expect(verifyJwt(forge({ alg: 'HS256', typ: 'at+jwt', kid }, (input) => createHmac('sha256', secret).update(input).digest()), 'at+jwt', keys)).toBeUndefined();
    }

    const forged = signJwt('at+jwt', { sub: '1' }, signer(alg, ATTACKER[alg].privateKey));
    expect(verifyJwt(forged, 'at+jwt', keys)).toBeUndefined();

    const idToken = signJwt('JWT', { sub: '1' }, signer(alg));
    expect(verifyJwt(idToken, 'at+jwt', keys)).toBeUndefined();

    const [header, , signature] = signJwt('at+jwt', { sub: '1' }, signer(alg)).split('.');
    expect(verifyJwt(`${header}.${b64({ sub: '2' })}.${signature}`, 'at+jwt', keys)).toBeUndefined();
    expect(verifyJwt('not.a.jwt', 'at+jwt', keys)).toBeUndefined();
    expect(verifyJwt('garbage', 'at+jwt', keys)).toBeUndefined();
  });

  describe('no algorithm confusion: the key named by kid decides, the header must agree', () => {
    const others = SIGNING_ALGORITHMS.flatMap((keyAlg) => SIGNING_ALGORITHMS.filter((claimed) => claimed !== keyAlg).map((claimed) => [keyAlg, claimed] as const));

    it.each(others)('a %s key never verifies a token labelled %s, even signed by its own private key', (keyAlg, claimed) => {
      const kid = thumbprint(PAIRS[keyAlg].publicKey);
      const genuine = signJwt('at+jwt', { sub: 'admin' }, signer(keyAlg));
      const relabelled = `${b64({ alg: claimed, typ: 'at+jwt', kid })}.${genuine.split('.').slice(1).join('.')}`;
      expect(verifyJwt(relabelled, 'at+jwt', keys)).toBeUndefined();
      // Signed over the lying header by the real key, so only the algorithm check can refuse it.
      expect(verifyJwt(forge({ alg: claimed, typ: 'at+jwt', kid }, (input) => signWith(keyAlg, input, PAIRS[keyAlg].privateKey)), 'at+jwt', keys)).toBeUndefined();
    });

    it.each(others)('a %s kid with a %s signature by an attacker\'s key of that type is refused', (keyAlg, claimed) => {
      const forged = forge({ alg: claimed, typ: 'at+jwt', kid: thumbprint(PAIRS[keyAlg].publicKey) }, (input) => signWith(claimed, input, ATTACKER[claimed].privateKey));
      expect(verifyJwt(forged, 'at+jwt', keys)).toBeUndefined();
    });

    it('an EC key with a header claiming RS256 and a DER signature by that very key: a verifier going by the header would accept it', () => {
      const forged = forge({ alg: 'RS256', typ: 'at+jwt', kid: thumbprint(PAIRS.ES256.publicKey) }, (input) => sign('sha256', input, PAIRS.ES256.privateKey));
      const [header, claims, signature] = forged.split('.');
      expect(verify('sha256', Buffer.from(`${header}.${claims}`), PAIRS.ES256.publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
      expect(verifyJwt(forged, 'at+jwt', keys)).toBeUndefined();
    });

    it('an ES256 signature must be r || s (RFC 7518 3.4), never the DER OpenSSL makes by default', () => {
      const kid = thumbprint(PAIRS.ES256.publicKey);
      const der = forge({ alg: 'ES256', typ: 'at+jwt', kid }, (input) => sign('sha256', input, PAIRS.ES256.privateKey));
      expect(verifyJwt(der, 'at+jwt', keys)).toBeUndefined();
    });
  });
});

