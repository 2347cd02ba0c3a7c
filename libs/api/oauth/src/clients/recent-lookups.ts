import type { LocalChanges } from '@keyhouse/api-persistence';

/**
 * How long a lookup is reused when only another process could have changed what it read: another
 * instance or worker on the same database file, or the CLI. A deactivation, a revoked secret or a
 * disabled user made there is obeyed here within this time. It is about the time a request takes
 * under load, not the lifetime of a token: a token issued from a lookup that is this old is one
 * that a request already in flight when the change was made could have got as well, and the
 * tokens of a deactivated application or a disabled user are refused by Keyhouse's APIs and
 * introspection all the same (those read the state afresh on every use, never from here).
 */
export const REUSE_MS = 1_000;

/** Lookups of this many clients (and addresses) at most; a burst of more starts over. */
const MAX_ENTRIES = 10_000;

export interface Lookup<T> {
  value: T;
  /** When the value stops being true by itself (a secret expires), whatever else happens. */
  validUntil?: number;
}

interface Entry<T> {
  value: T;
  changes: number;
  until: number;
}

/**
 * The token endpoint's reads of a client, kept for the next requests of the same client while
 * they are certainly what a new read would answer, as far as this process can know: no row has
 * been written by this process since the read (see localChanges) and REUSE_MS has not passed.
 * A busy client then costs one read a second instead of one per token, and any change made
 * through this process (the console, a wrong secret counted, a rotation) is seen by the very next
 * request, as without the reuse.
 */
export class RecentLookups<T extends object> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly changes: LocalChanges,
    private readonly clock: () => number = Date.now,
  ) {}

  async read(key: string, load: () => Promise<Lookup<T> | undefined>): Promise<T | undefined> {
    // Taken before the read: a write that lands while it runs makes the entry stale at once,
    // never the other way round.
    const changes = this.changes();
    const now = this.clock();
    const kept = this.entries.get(key);
    if (kept && kept.changes === changes && now < kept.until) return kept.value;

    const loaded = await load();
    if (!loaded) {
      this.entries.delete(key);
      return undefined;
    }
    this.keep(key, { value: deepFreeze(loaded.value), changes, until: Math.min(now + REUSE_MS, loaded.validUntil ?? Infinity) });
    return loaded.value;
  }

  private keep(key: string, entry: Entry<T>): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const now = this.clock();
      for (const [stale, { until }] of this.entries) if (until <= now) this.entries.delete(stale);
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    }
    this.entries.set(key, entry);
  }
}

/** A kept value is shared by every request that reuses it: none may change what the next one sees. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}
