import { sign, verify, type KeyObject } from 'node:crypto';

export interface JwtHeader {
  alg: 'RS256';
  typ: string;
  kid: string;
}

export type JwtClaims = object;

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** RS256 over `header.payload` (RFC 7515); the key object is parsed once, never per token. */
export function signJwt(header: JwtHeader, claims: JwtClaims, privateKey: KeyObject): string {
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(claims))}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

/**
 * Returns the claims of a JWS signed with RS256 by one of `keys`, or undefined. Only RS256 is
 * ever accepted: `alg: none` and HS256 "signed" with the public key are refused by construction.
 */
export function verifyJwt(token: string, expectedType: string, keys: ReadonlyMap<string, KeyObject>): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [encodedHeader, encodedClaims, signature] = parts;
  const header = parseSegment(encodedHeader);
  if (!header || header['alg'] !== 'RS256' || header['typ'] !== expectedType || typeof header['kid'] !== 'string') return undefined;
  const key = keys.get(header['kid']);
  if (!key) return undefined;
  const valid = verify('sha256', Buffer.from(`${encodedHeader}.${encodedClaims}`), key, Buffer.from(signature, 'base64url'));
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
