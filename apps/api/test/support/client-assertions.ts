import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** A client's key pair as a private_key_jwt client keeps it: the private key, and the JWK Set it registers. */
export interface AssertionKey {
  alg: 'RS256' | 'PS256' | 'ES256' | 'EdDSA';
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function assertionKey(alg: AssertionKey['alg'] = 'ES256', kid = `${alg}-${randomUUID()}`): Promise<AssertionKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, use: 'sig' } };
}

export const jwksOf = (...keys: AssertionKey[]) => ({ keys: keys.map((key) => key.publicJwk) });

/**
 * An assertion as jose makes one for a client (RFC 7523 3): iss and sub the client, aud the token
 * endpoint, a fresh jti, a minute to live; `claims` and `header` change any of it.
 */
export function signAssertion(
  key: AssertionKey,
  { clientId, audience }: { clientId: string; audience: string },
  claims: JWTPayload = {},
  header: Record<string, unknown> = {},
): Promise<string> {
  return new SignJWT({ iss: clientId, sub: clientId, aud: audience, jti: randomUUID(), ...claims })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, ...header })
    .setIssuedAt()
    .setExpirationTime(typeof claims.exp === 'number' ? claims.exp : '60s')
    .sign(key.privateKey);
}

/** The two parameters of client authentication by assertion (RFC 7521 4.2). */
export const assertionParameters = (assertion: string) => ({ client_assertion_type: JWT_BEARER, client_assertion: assertion });
