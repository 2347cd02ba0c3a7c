import { signWith, verifyWith, type ActiveSigningKey, type VerificationKey } from '@keyhouse/api-keys';

export type JwtClaims = object;

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * A JWS (RFC 7515) of type `typ`, signed with the key's own algorithm and naming the key in
 * `kid`; the key object is parsed once, never per token.
 */
export function signJwt(typ: string, claims: JwtClaims, { alg, kid, privateKey }: ActiveSigningKey): string {
  const input = `${b64(JSON.stringify({ alg, typ, kid }))}.${b64(JSON.stringify(claims))}`;
  return `${input}.${signWith(alg, Buffer.from(input), privateKey).toString('base64url')}`;
}

/**
 * Returns the claims of a JWS signed by one of `keys`, or undefined. The key named by `kid`
 * decides the algorithm, and the header must claim that one (RFC 8725 3.1): `alg: none`, HS256
 * "signed" with a public key, or an RSA key made to check an ES256-labelled token are refused by
 * construction.
 */
export function verifyJwt(token: string, expectedType: string, keys: ReadonlyMap<string, VerificationKey>): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [encodedHeader, encodedClaims, signature] = parts;
  const header = parseSegment(encodedHeader);
  if (!header || header['typ'] !== expectedType || typeof header['kid'] !== 'string') return undefined;
  const key = keys.get(header['kid']);
  if (!key || header['alg'] !== key.alg) return undefined;
  const valid = verifyWith(key.alg, Buffer.from(`${encodedHeader}.${encodedClaims}`), key.publicKey, Buffer.from(signature, 'base64url'));
  return valid ? parseSegment(encodedClaims) : undefined;
}

/** The `kid` of a JWS header, read without trusting anything else in it. */
export function readKeyId(token: string): string | undefined {
  const kid = parseSegment(token.split('.')[0] ?? '')?.['kid'];
  return typeof kid === 'string' ? kid : undefined;
}

function parseSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
