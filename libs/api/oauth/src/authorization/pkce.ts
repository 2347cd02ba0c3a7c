import { createHash, timingSafeEqual } from 'node:crypto';

export type CodeChallengeMethod = 'S256' | 'plain';

/** RFC 7636 4.1 and 4.2: 43 to 128 characters of the unreserved set, for verifiers and challenges alike. */
const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;

export const isWellFormedPkceValue = (value: string) => PKCE_VALUE.test(value);

/** RFC 7636 4.6, compared in constant time (over digests, so lengths never leak either). */
export function verifierMatches(verifier: string, challenge: string, method: CodeChallengeMethod): boolean {
  const derived = method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return timingSafeEqual(sha256(derived), sha256(challenge));
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
