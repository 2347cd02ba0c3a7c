import { digestSecret, generateClientId, generateClientSecret, secretMatchesDigest } from './credentials';

describe('client credentials', () => {
  it('makes 256-bit URL-safe secrets that never repeat', () => {
    const secrets = new Set(Array.from({ length: 1000 }, generateClientSecret));
    expect(secrets.size).toBe(1000);
    for (const secret of secrets) {
      expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    }
  });

  it('makes 32-character client ids', () => {
    expect(generateClientId()).toMatch(/^[0-9a-f]{32}$/);
  });

  it('matches a secret against its SHA-256 digest only', () => {
    const secret = generateClientSecret();
    const digest = digestSecret(secret);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).not.toContain(secret);
    expect(secretMatchesDigest(secret, digest)).toBe(true);
    expect(secretMatchesDigest(`${secret}x`, digest)).toBe(false);
    expect(secretMatchesDigest(secret, 'not-hex')).toBe(false);
  });
});
