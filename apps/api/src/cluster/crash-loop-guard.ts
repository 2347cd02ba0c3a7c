export interface CrashLoopPolicy {
  /** Workers in a row that die before serving: a start-up that keeps failing. */
  maxFailedStarts: number;
  /** Unexpected exits within `windowMs`, however long each worker served. */
  maxExits: number;
  windowMs: number;
}

export const CRASH_LOOP_POLICY: CrashLoopPolicy = { maxFailedStarts: 3, maxExits: 10, windowMs: 60_000 };

/**
 * Decides whether a worker that died is replaced or the whole server stops. Replacing is right
 * for a worker that crashed; forking forever is not, when every new worker fails the same way
 * (a database gone, a port taken, a poisoned request retried by every client).
 */
export class CrashLoopGuard {
  private everServed = false;
  private failedStarts = 0;
  private exits: number[] = [];

  constructor(
    private readonly policy: CrashLoopPolicy = CRASH_LOOP_POLICY,
    private readonly clock: () => number = Date.now,
  ) {}

  /** A worker is serving: start-ups work. */
  served(): void {
    this.everServed = true;
    this.failedStarts = 0;
  }

  /** A worker died unexpectedly: undefined to replace it, or why the server should stop instead. */
  exited({ served }: { served: boolean }): string | undefined {
    const now = this.clock();
    this.exits = [...this.exits.filter((at) => at > now - this.policy.windowMs), now];
    if (!served) {
      // Before any worker served, a failure is the configuration's or the machine's: retrying changes nothing.
      if (!this.everServed) return 'the first worker could not start';
      if (++this.failedStarts >= this.policy.maxFailedStarts) return `${this.failedStarts} workers in a row died before serving`;
    }
    if (this.exits.length > this.policy.maxExits) return `${this.exits.length} workers died within ${this.policy.windowMs / 1000} seconds`;
    return undefined;
  }
}
