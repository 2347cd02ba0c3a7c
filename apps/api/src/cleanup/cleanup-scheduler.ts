import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { DeletedRows } from '@keyhouse/api-persistence';
import { CleanupRunner } from './cleanup-runner';

export interface CleanupOptions {
  /** Seconds between two runs; 0: never. */
  intervalSeconds: number;
}

export const CLEANUP_OPTIONS = Symbol('CLEANUP_OPTIONS');

/**
 * Runs the cleanup in every instance, each run scheduled only once the previous one has ended,
 * so it never overlaps itself. Each wait is drawn between half and one and a half intervals:
 * instances started together drift apart instead of deleting in lockstep (which is safe, only
 * wasted). A failed run is logged and simply comes again next time.
 */
@Injectable()
export class CleanupScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Cleanup');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly runner: CleanupRunner,
    @Inject(CLEANUP_OPTIONS) private readonly options: CleanupOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.intervalSeconds > 0) this.scheduleNext();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private scheduleNext(): void {
    const delayMs = this.options.intervalSeconds * 1000 * (0.5 + Math.random());
    this.timer = setTimeout(() => void this.runOnce(), delayMs).unref();
  }

  private async runOnce(): Promise<void> {
    this.running = this.runner.run().then(
      (deleted) => this.report(deleted),
      (error: unknown) => this.logger.warn(`cleanup failed, trying again next time: ${(error as Error).message}`),
    );
    await this.running;
    this.running = undefined;
    if (!this.stopped) this.scheduleNext();
  }

  private report(deleted: DeletedRows): void {
    const lines = Object.entries(deleted).filter(([, count]) => count > 0);
    if (lines.length) this.logger.log(`deleted expired rows: ${lines.map(([table, count]) => `${table} ${count}`).join(', ')}`);
  }
}
