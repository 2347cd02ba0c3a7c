import { createHash, type KeyObject } from 'node:crypto';

export interface PublicJwk {
  kty: 'RSA';
  kid: string;
  use: 'sig';
  alg: 'RS256';
  n: string;
  e: string;
}

/** RFC 7638 JWK thumbprint (SHA-256) of an RSA public key: the `kid` of the tokens it verifies. */
export function thumbprint(publicKey: KeyObject): string {
  const { e, n } = publicKey.export({ format: 'jwk' }) as { e: string; n: string };
  // Required members only, in lexicographic order, no whitespace (RFC 7638 3.2).
  return createHash('sha256').update(JSON.stringify({ e, kty: 'RSA', n })).digest('base64url');
}

/** The public half only, as RFC 7517 publishes it. */
export function publicJwk(publicKey: KeyObject): PublicJwk {
  const { e, n } = publicKey.export({ format: 'jwk' }) as { e: string; n: string };
  return { kty: 'RSA', kid: thumbprint(publicKey), use: 'sig', alg: 'RS256', n, e };
}
