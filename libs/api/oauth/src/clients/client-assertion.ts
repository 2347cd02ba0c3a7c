import { constants, verify, type KeyObject } from 'node:crypto';
import type { ClientSigningKey } from '@keyhouse/api-applications';
import { CLIENT_ASSERTION_ALGORITHMS, type ClientAssertionAlgorithm } from '@keyhouse/shared-contracts';

/** How far ahead `exp` may be: an assertion is made for one request, not kept (OpenID Connect Core 1.0 9). */
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;
/** Clocks of client and server may disagree this much on `exp`, `nbf` and `iat`. */
export const CLOCK_TOLERANCE_SECONDS = 30;
const MAX_JTI_LENGTH = 1000;

export interface AssertionHeader {
  alg: ClientAssertionAlgorithm;
  kid: string | undefined;
}

export interface AcceptedAssertion {
  jti: string;
  /** Until when it could be accepted (`exp` and the tolerance): its jti must stay refused that long. */
  acceptableUntil: Date;
}

export interface AssertionExpectations {
  clientId: string;
  /** RFC 7523 3, item 3: values that identify this server; one of them must be in `aud`. */
  audiences: readonly string[];
  now: Date;
}

// RFC 7518 3.3 to 3.5 and RFC 8037 3.1: how each algorithm verifies. ES256 signatures are the raw
// r || s pair (RFC 7518 3.4), not DER; PS256 salts with the hash's length.
const VERIFY: Record<ClientAssertionAlgorithm, (input: Buffer, key: KeyObject, signature: Buffer) => boolean> = {
  RS256: (input, key, signature) => verify('sha256', input, key, signature),
  PS256: (input, key, signature) => verify('sha256', input, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, signature),
  ES256: (input, key, signature) => verify('sha256', input, { key, dsaEncoding: 'ieee-p1363' }, signature),
  EdDSA: (input, key, signature) => verify(null, input, key, signature),
};

/** The client an assertion names as its subject (RFC 7521 4.2), read before anything is verified: it only says whose keys to try. */
export function readAssertionSubject(assertion: string): string | undefined {
  const sub = decodeSegment(assertion.split('.')[1])?.['sub'];
  return typeof sub === 'string' && sub.length > 0 ? sub : undefined;
}

/**
 * The algorithm and key id an assertion claims, if the algorithm is one we accept: `none` and
 * HMAC (whose key would be a shared secret) never are, nor a header with extensions to understand
 * (RFC 7515 4.1.11).
 */
export function readAssertionHeader(assertion: string): AssertionHeader | undefined {
  const header = decodeSegment(assertion.split('.')[0]);
  const alg = header?.['alg'];
  const kid = header?.['kid'];
  if (!header || !CLIENT_ASSERTION_ALGORITHMS.includes(alg as ClientAssertionAlgorithm) || 'crit' in header) return undefined;
  if (kid !== undefined && typeof kid !== 'string') return undefined;
  return { alg: alg as ClientAssertionAlgorithm, kid };
}

/**
 * Verifies a private_key_jwt assertion (RFC 7523 3, OpenID Connect Core 1.0 9) against the
 * client's keys: signed by one of them with an algorithm that key may use; `iss` and `sub` the
 * client; `aud` naming this server; `exp` not passed and at most a few minutes ahead; `nbf` and
 * `iat`, when present, not in the future; a `jti`. Whether the jti was used before is the caller's
 * to ask, once everything else holds.
 */
export function verifyClientAssertion(assertion: string, keys: readonly ClientSigningKey[], expected: AssertionExpectations): AcceptedAssertion | undefined {
  const parts = assertion.split('.');
  const header = readAssertionHeader(assertion);
  if (parts.length !== 3 || !header) return undefined;
  const [encodedHeader, encodedClaims, encodedSignature] = parts;
  const input = Buffer.from(`${encodedHeader}.${encodedClaims}`);
  const signature = Buffer.from(encodedSignature, 'base64url');
  const signed = candidateKeys(keys, header).some(({ key }) => VERIFY[header.alg](input, key, signature));
  const claims = signed ? decodeSegment(encodedClaims) : undefined;
  if (!claims) return undefined;

  const now = Math.floor(expected.now.getTime() / 1000);
  const { iss, sub, aud, exp, nbf, iat, jti } = claims;
  const audiences = Array.isArray(aud) ? aud : [aud];
  const checks = [
    iss === expected.clientId && sub === expected.clientId,
    audiences.some((value) => typeof value === 'string' && expected.audiences.includes(value)),
    typeof exp === 'number' && exp > now - CLOCK_TOLERANCE_SECONDS && exp <= now + MAX_ASSERTION_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS,
    nbf === undefined || (typeof nbf === 'number' && nbf <= now + CLOCK_TOLERANCE_SECONDS),
    iat === undefined || (typeof iat === 'number' && iat <= now + CLOCK_TOLERANCE_SECONDS),
    typeof jti === 'string' && jti.length > 0 && jti.length <= MAX_JTI_LENGTH,
  ];
  if (!checks.every(Boolean)) return undefined;
  return { jti: jti as string, acceptableUntil: new Date(((exp as number) + CLOCK_TOLERANCE_SECONDS) * 1000) };
}

/** The keys that may have made this signature: of the header's kid when it names one (as jose's key sets choose), and fit for its alg. */
export function candidateKeys(keys: readonly ClientSigningKey[], header: AssertionHeader): ClientSigningKey[] {
  return keys.filter((key) => key.algorithms.includes(header.alg) && (header.kid === undefined || key.kid === header.kid));
}

function decodeSegment(segment: string | undefined): Record<string, unknown> | undefined {
  if (!segment || !/^[A-Za-z0-9_-]+$/.test(segment)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
