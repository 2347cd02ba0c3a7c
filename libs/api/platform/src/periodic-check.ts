import type { Logger } from '@nestjs/common';

/**
 * A check each instance runs at start (a restart must not postpone what is due) and then every
 * interval: one run at a time, never overlapping itself; a failure is one log line, and the next
 * tick tries again. Exactly-once effects across instances are the check's own business
 * (conditional UPDATEs), not this scheduler's.
 */
export class PeriodicCheck<T> {
  private timer?: NodeJS.Timeout;
  private runs: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly name: string,
    private readonly logger: Logger,
    private readonly work: (now: Date) => Promise<T>,
    private readonly report: (result: T) => void,
  ) {}

  start(intervalMs: number): void {
    this.runInBackground();
    this.timer = setInterval(() => this.runInBackground(), intervalMs).unref();
  }

  /** Stops the timer and waits for a run in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.runs;
  }

  /** Runs now, after any run still in progress here; answers what this run did. */
  run(now = new Date()): Promise<T> {
    const run = this.runs.then(() => this.work(now));
    this.runs = run.catch(() => undefined);
    return run;
  }

  private runInBackground(): void {
    this.run().then(this.report, (error: unknown) => this.logger.warn(`${this.name} paused: ${(error as Error).message}`));
  }
}
