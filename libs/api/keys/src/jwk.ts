import { createHash, type KeyObject } from 'node:crypto';
import { algorithmOf, describeKey, type SigningAlgorithm } from './signing-algorithms';

/** The members that identify a public key (RFC 7638 3.2), by type: RSA (RFC 7518 6.3), EC (6.2), OKP (RFC 8037 2). */
type KeyMembers = { kty: 'RSA'; n: string; e: string } | { kty: 'EC'; crv: 'P-256'; x: string; y: string } | { kty: 'OKP'; crv: 'Ed25519'; x: string };

export type PublicJwk = KeyMembers & { kid: string; use: 'sig'; alg: SigningAlgorithm };

function keyMembers(publicKey: KeyObject): { alg: SigningAlgorithm; members: KeyMembers } {
  const jwk = publicKey.export({ format: 'jwk' });
  const alg = algorithmOf(publicKey);
  switch (alg) {
    case 'RS256':
      return { alg, members: { kty: 'RSA', n: jwk.n as string, e: jwk.e as string } };
    case 'ES256':
      return { alg, members: { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string } };
    case 'EdDSA':
      return { alg, members: { kty: 'OKP', crv: 'Ed25519', x: jwk.x as string } };
    default:
      throw new Error(`no signing JWK for ${describeKey(publicKey)}`);
  }
}

/** RFC 7638 JWK thumbprint (SHA-256) of a public key: the `kid` of the tokens it verifies. */
export function thumbprint(publicKey: KeyObject): string {
  const { members } = keyMembers(publicKey);
  // Required members only, in lexicographic order, no whitespace (RFC 7638 3.2, 3.3).
  const required = Object.fromEntries(Object.entries(members).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(JSON.stringify(required)).digest('base64url');
}

/** The public half only, as RFC 7517 publishes it, with the one algorithm it verifies. */
export function publicJwk(publicKey: KeyObject): PublicJwk {
  const { alg, members } = keyMembers(publicKey);
  return { ...members, kid: thumbprint(publicKey), use: 'sig', alg };
}
