import { randomFillSync } from 'node:crypto';

const ID_BYTES = 16;
// 256 ids per refill.
const pool = Buffer.alloc(ID_BYTES * 256);
let next = pool.length;

/**
 * 128 random bits as 32 hexadecimal digits: an access token's `jti` (RFC 7519 4.1.7), unique
 * and unguessable, though not a secret (it is in the token). The bits come from the CSPRNG in
 * blocks, as node:crypto's randomUUID draws them: a call costs about the same for 16 bytes as
 * for 4 KiB (several microseconds on this project's machines, one token's largest cost after
 * the signature), while a slice of the block costs a tenth of a microsecond. Each slice is
 * handed out once.
 */
export function newTokenId(): string {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const id = pool.toString('hex', next, next + ID_BYTES);
  next += ID_BYTES;
  return id;
}
