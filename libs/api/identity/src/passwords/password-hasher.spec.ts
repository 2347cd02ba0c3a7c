import { PasswordHasher } from './password-hasher';

// A low cost keeps the unit test fast; the format and comparison are what is under test.
const hasher = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 });

describe('PasswordHasher', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const digest = await hasher.hash('correct horse battery staple');
    await expect(hasher.verify('correct horse battery staple', digest)).resolves.toBe(true);
    await expect(hasher.verify('correct horse battery stapl', digest)).resolves.toBe(false);
  });

  it('salts every digest and never contains the password', async () => {
    const [a, b] = await Promise.all([hasher.hash('same password'), hasher.hash('same password')]);
    expect(a).not.toBe(b);
    expect(a).not.toContain('same password');
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
  });

  it('verifies digests made with another cost, read from the digest itself', async () => {
    const digest = await new PasswordHasher({ N: 2 ** 11, r: 8, p: 1 }).hash('pw');
    await expect(hasher.verify('pw', digest)).resolves.toBe(true);
  });

  it('treats a malformed digest as a mismatch', async () => {
    await expect(hasher.verify('pw', 'not-a-digest')).resolves.toBe(false);
  });

  it('answers false for the decoy whatever the password', async () => {
    await expect(hasher.verifyDecoy('anything')).resolves.toBe(false);
  });
});
