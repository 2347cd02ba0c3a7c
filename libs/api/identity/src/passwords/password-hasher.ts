import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { ConcurrencyLimit } from './concurrency-limit';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt recommendation (N=2^17 costs 128 MiB per attempt; 2^15 keeps memory sane at ~70 ms). */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

/**
 * How many derivations run at once in one process. scrypt is CPU-bound and runs on libuv's thread
 * pool (four threads unless UV_THREADPOOL_SIZE says otherwise): more at once than the CPUs only
 * makes each slower and holds 32 MiB more, and one thread of the pool stays free for the file and
 * DNS work that shares it. A burst of sign-ins waits its turn instead of starving the server.
 */
export const DEFAULT_CONCURRENT_HASHES = Math.max(1, Math.min(availableParallelism(), 3));

const KEY_LENGTH = 32;
const PREFIX = 'scrypt';

/**
 * User passwords are low-entropy, so they get a slow, memory-hard KDF. The digest describes its
 * own cost (`scrypt$N$r$p$salt$hash`) so the cost can be raised without invalidating old ones.
 */
export class PasswordHasher {
  private decoyDigest?: Promise<string>;
  private readonly derivations: ConcurrencyLimit;

  constructor(
    private readonly cost: ScryptCost = DEFAULT_SCRYPT_COST,
    concurrency = DEFAULT_CONCURRENT_HASHES,
  ) {
    this.derivations = new ConcurrencyLimit(concurrency);
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const key = await this.derive(password, salt, this.cost);
    const { N, r, p } = this.cost;
    return [PREFIX, N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  }

  async verify(password: string, digest: string): Promise<boolean> {
    const parts = digest.split('$');
    if (parts.length !== 6 || parts[0] !== PREFIX) return false;
    const [N, r, p] = parts.slice(1, 4).map(Number);
    const salt = Buffer.from(parts[4], 'base64url');
    const expected = Buffer.from(parts[5], 'base64url');
    const actual = await this.derive(password, salt, { N, r, p });
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  /**
   * Spends the same time as a real verification, for sign-ins naming an unknown user: the answer
   * and its timing must not tell whether the account exists.
   */
  async verifyDecoy(password: string): Promise<false> {
    this.decoyDigest ??= this.hash(randomBytes(16).toString('base64url'));
    await this.verify(password, await this.decoyDigest);
    return false;
  }

  /** Every hash and verification, the decoy's included, takes its turn here. */
  private derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
    return this.derivations.run(() => scryptKey(password, salt, cost));
  }
}

function scryptKey(password: string, salt: Buffer, { N, r, p }: ScryptCost): Promise<Buffer> {
  // Node refuses scrypt above 32 MiB unless maxmem is raised; allow twice the need.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r * p };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}
