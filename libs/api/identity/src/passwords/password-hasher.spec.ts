import crypto from 'node:crypto';
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

describe('PasswordHasher, many callers at once', () => {
  afterEach(() => jest.restoreAllMocks());

  /** Counts the scrypt derivations in progress, through the module the hasher calls. */
  function watchDerivations(): () => number {
    const original = crypto.scrypt;
    let running = 0;
    let mostAtOnce = 0;
    jest.spyOn(crypto, 'scrypt').mockImplementation(((...args: Parameters<typeof crypto.scrypt>) => {
      const callback = args.pop() as (error: Error | null, key: Buffer) => void;
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      return (original as (...rest: unknown[]) => void)(...args, (error: Error | null, key: Buffer) => {
        running--;
        callback(error, key);
      });
    }) as typeof crypto.scrypt);
    return () => mostAtOnce;
  }

  it('derives at most `concurrency` keys at once, hashes, verifications and decoys alike, and answers every caller', async () => {
    const mostAtOnce = watchDerivations();
    const limited = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 }, 2);
    const digest = await limited.hash('pw');
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, () => limited.verify('pw', digest)),
      ...Array.from({ length: 3 }, () => limited.hash('pw').then(() => true)),
      ...Array.from({ length: 3 }, () => limited.verifyDecoy('pw').then(() => true)),
    ]);
    expect(answers).toEqual(Array.from({ length: 12 }, () => true));
    expect(mostAtOnce()).toBe(2);
  });

  it('frees the turn of a derivation that fails', async () => {
    const one = new PasswordHasher({ N: 2 ** 10, r: 8, p: 1 }, 1);
    // N must be a power of two: scrypt refuses this digest's cost.
    await expect(one.verify('pw', 'scrypt$3$8$1$c2FsdA$a2V5')).rejects.toThrow();
    await expect(one.hash('pw')).resolves.toMatch(/^scrypt\$/);
  });
});
