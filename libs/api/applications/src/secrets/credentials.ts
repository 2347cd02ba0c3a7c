import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, base64url: 43 URL-safe characters. */
export function generateClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** 32 hexadecimal characters: public, but unguessable so it says nothing about other clients. */
export function generateClientId(): string {
  return randomBytes(16).toString('hex');
}

/** High-entropy secrets need no slow KDF: SHA-256 suffices and keeps the token endpoint fast. */
export function digestSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Compares digests in constant time, so timing reveals nothing about how much of a guess matched.
 * On every token request: the presented secret's digest stays raw bytes, never hex and back.
 */
export function secretMatchesDigest(secret: string, digest: string): boolean {
  const actual = createHash('sha256').update(secret, 'utf8').digest();
  const expected = Buffer.from(digest, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
