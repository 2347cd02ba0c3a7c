import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/** What OAUTH_SIGNING_ALG may name: the JWS algorithms (RFC 7518 3.1, RFC 8037 3.1) our tokens are signed with. */
export const SIGNING_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;

export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

export const isSigningAlgorithm = (value: string): value is SigningAlgorithm => (SIGNING_ALGORITHMS as readonly string[]).includes(value);

const MIN_RSA_BITS = 2048;

interface AlgorithmSpec {
  /** The key it needs, in words: start-up errors and the CLI say it. */
  key: string;
  fits(key: KeyObject): boolean;
  generate(): { privateKey: KeyObject; publicKey: KeyObject };
  sign(input: Buffer, privateKey: KeyObject): Buffer;
  verify(input: Buffer, publicKey: KeyObject, signature: Buffer): boolean;
}

// RFC 7518 3.3 and 3.4, RFC 8037 3.1. ES256 signatures are the raw r || s pair, not the DER that
// OpenSSL makes by default; Ed25519 hashes internally, so no digest is named.
const SPECS: Record<SigningAlgorithm, AlgorithmSpec> = {
  RS256: {
    key: `an RSA key of at least ${MIN_RSA_BITS} bits`,
    fits: (key) => key.asymmetricKeyType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_RSA_BITS,
    generate: () => generateKeyPairSync('rsa', { modulusLength: MIN_RSA_BITS }),
    sign: (input, privateKey) => sign('sha256', input, privateKey),
    verify: (input, publicKey, signature) => verify('sha256', input, publicKey, signature),
  },
  ES256: {
    key: 'a P-256 EC key',
    fits: (key) => key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1',
    generate: () => generateKeyPairSync('ec', { namedCurve: 'P-256' }),
    sign: (input, privateKey) => sign('sha256', input, { key: privateKey, dsaEncoding: 'ieee-p1363' }),
    verify: (input, publicKey, signature) => verify('sha256', input, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature),
  },
  EdDSA: {
    key: 'an Ed25519 key',
    fits: (key) => key.asymmetricKeyType === 'ed25519',
    generate: () => generateKeyPairSync('ed25519'),
    sign: (input, privateKey) => sign(null, input, privateKey),
    verify: (input, publicKey, signature) => verify(null, input, publicKey, signature),
  },
};

/** The one algorithm a key signs with here; undefined for a key of no supported type (or too weak). */
export function algorithmOf(key: KeyObject): SigningAlgorithm | undefined {
  return SIGNING_ALGORITHMS.find((alg) => SPECS[alg].fits(key));
}

/** "a P-256 EC key": what the key files hold for this algorithm. */
export const keyNeededBy = (alg: SigningAlgorithm): string => SPECS[alg].key;

/** What a key is, for an error that says why it does not fit: "an RSA key (1024 bits)", "an EC key on secp384r1". */
export function describeKey(key: KeyObject): string {
  const { asymmetricKeyType: type, asymmetricKeyDetails: details } = key;
  switch (type) {
    case 'rsa':
      return `an RSA key (${details?.modulusLength ?? '?'} bits)`;
    case 'ec':
      return details?.namedCurve === 'prime256v1' ? 'a P-256 EC key' : `an EC key on ${details?.namedCurve ?? 'an unknown curve'}`;
    case 'ed25519':
      return 'an Ed25519 key';
    default:
      return `a key of type ${type ?? 'unknown'}`;
  }
}

export const generateKeyPairFor = (alg: SigningAlgorithm) => SPECS[alg].generate();

/** The JWS signature of `input` (RFC 7515 5.1) with a key of that algorithm's type. */
export const signWith = (alg: SigningAlgorithm, input: Buffer, privateKey: KeyObject): Buffer => SPECS[alg].sign(input, privateKey);

export const verifyWith = (alg: SigningAlgorithm, input: Buffer, publicKey: KeyObject, signature: Buffer): boolean =>
  SPECS[alg].verify(input, publicKey, signature);
