import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { ClientAssertionAlgorithm } from '@keyhouse/shared-contracts';

/** A public key a private_key_jwt client signs its assertions with, ready to verify. */
export interface ClientSigningKey {
  kid: string | undefined;
  /** What it may verify: the key's own `alg` when it names one, else every algorithm of its type. */
  algorithms: ClientAssertionAlgorithm[];
  key: KeyObject;
}

export const MAX_JWKS_KEYS = 10;
/** As stored (JSON): room for ten 4096-bit RSA keys with certificates left out. */
export const MAX_JWKS_LENGTH = 20_000;
const MIN_RSA_BITS = 2048;

// RFC 7518 6.2.2 and 6.3.2: the members that only a private key has.
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];
// The members each key type is made of (RFC 7518 6.2.1, 6.3.1; RFC 8037 2); nothing else reaches the parser.
const KEY_MEMBERS = ['kty', 'n', 'e', 'crv', 'x', 'y'];

/**
 * Why a JWK Set cannot be registered for private_key_jwt, or undefined: a JSON object whose
 * `keys` (RFC 7517 5) are 1 to 10 public signing keys, each usable with an algorithm of
 * CLIENT_ASSERTION_ALGORITHMS, with distinct `kid`s. A private key pasted by mistake is refused
 * rather than stored: whoever reads the application must never learn it.
 */
export function jwkSetProblem(value: unknown): string | undefined {
  const keys = keysOf(value);
  if (!keys) return 'Paste a JWK Set: a JSON object with a "keys" list.';
  if (keys.length === 0 || keys.length > MAX_JWKS_KEYS) return `List from 1 to ${MAX_JWKS_KEYS} keys.`;
  if (JSON.stringify(value).length > MAX_JWKS_LENGTH) return `The JWK Set is too large (at most ${MAX_JWKS_LENGTH} characters).`;
  const kids: unknown[] = [];
  for (const [index, jwk] of keys.entries()) {
    const read = readJwk(jwk);
    if (typeof read === 'string') return `Key ${index + 1} ${read}.`;
    if (read.kid !== undefined && kids.includes(read.kid)) return `Key ${index + 1} repeats the kid "${read.kid}": each key needs its own.`;
    kids.push(read.kid);
  }
  return undefined;
}

/**
 * The keys of a JWK Set that can verify an assertion. A set fetched from a client's jwks_uri may
 * also publish keys for other uses (encryption, other algorithms): those are left out, not fatal.
 */
export function signingKeysOf(value: unknown): ClientSigningKey[] {
  return (keysOf(value) ?? []).map(readJwk).filter((read): read is ClientSigningKey => typeof read !== 'string');
}

function keysOf(value: unknown): unknown[] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = (value as Record<string, unknown>)['keys'];
  return Array.isArray(keys) ? keys : undefined;
}

/** One JWK as a verification key, or what is wrong with it (worded to follow "Key 2 ..."). */
function readJwk(jwk: unknown): ClientSigningKey | string {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return 'is not a JSON object';
  const member = jwk as Record<string, unknown>;
  if (member['kty'] === 'oct' || 'k' in member) return 'is a symmetric key: register public keys only (RSA, EC P-256, Ed25519)';
  if (PRIVATE_MEMBERS.some((name) => name in member)) return 'is a private key: register its public part only';
  if (member['use'] !== undefined && member['use'] !== 'sig') return 'is not a signing key ("use" must be "sig")';
  const keyOps = member['key_ops'];
  if (keyOps !== undefined && !(Array.isArray(keyOps) && keyOps.includes('verify'))) return 'does not allow "verify" in its key_ops';
  const kid = member['kid'];
  if (kid !== undefined && (typeof kid !== 'string' || kid.length === 0 || kid.length > 200)) return 'has a kid that is not a string of 1 to 200 characters';

  const fitting = algorithmsOfType(member);
  if (typeof fitting === 'string') return fitting;
  const alg = member['alg'];
  if (alg !== undefined && !fitting.includes(alg as ClientAssertionAlgorithm)) {
    return `names alg ${JSON.stringify(alg)}, but a key of its type signs ${fitting.join(' or ')} here`;
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Object.fromEntries(KEY_MEMBERS.filter((name) => name in member).map((name) => [name, member[name]])) as JsonWebKey, format: 'jwk' });
  } catch {
    return 'is not a valid public key';
  }
  if (key.asymmetricKeyType === 'rsa' && (key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) return `is an RSA key of fewer than ${MIN_RSA_BITS} bits`;
  return { kid: kid as string | undefined, algorithms: alg === undefined ? fitting : [alg as ClientAssertionAlgorithm], key };
}

/** RFC 7518 3.1 and RFC 8037 3.1: which of our algorithms a key of this type and curve signs. */
function algorithmsOfType(jwk: Record<string, unknown>): ClientAssertionAlgorithm[] | string {
  switch (jwk['kty']) {
    case 'RSA':
      return ['RS256', 'PS256'];
    case 'EC':
      return jwk['crv'] === 'P-256' ? ['ES256'] : 'is an EC key on another curve than P-256 (ES256)';
    case 'OKP':
      return jwk['crv'] === 'Ed25519' || jwk['crv'] === 'Ed448' ? ['EdDSA'] : 'is an OKP key that is neither Ed25519 nor Ed448 (EdDSA)';
    default:
      return 'has no supported kty (RSA, EC or OKP)';
  }
}
