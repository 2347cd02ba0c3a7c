import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ApplicationUsageRepository, ClientSecret, OAuthApplication, type UsageDelta } from '@keyhouse/api-applications';
import { DataSource, In } from 'typeorm';
import { UsageCounters } from './usage-counters';
import { UsageEvents } from './usage-events';

const FLUSH_INTERVAL_MS = 2_000;
/** Rows per upsert: 2,000 parameters, well within what either database takes in one statement. */
const COUNTS_PER_STATEMENT = 500;

/**
 * "Last used" of applications and secrets, and the daily counts of tokens issued and failed
 * client authentications, written in batches every two seconds instead of on every request: the
 * token endpoint stays free of writes, and the console is seconds behind at most. Counts are
 * added to what is stored, never written over it, so every instance's counts add up.
 */
@Injectable()
export class UsageRecorder implements UsageEvents, OnModuleDestroy {
  private readonly logger = new Logger('Usage');
  private applications = new Set<number>();
  private secrets = new Set<number>();
  private readonly counters = new UsageCounters();
  private readonly usage: ApplicationUsageRepository;
  // A failed write is logged where it fails.
  private readonly timer = setInterval(() => this.flush().catch(() => undefined), FLUSH_INTERVAL_MS).unref();
  // One write at a time: a flush asked for while one runs (shutdown, a test) follows it.
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {
    this.usage = new ApplicationUsageRepository(dataSource);
  }

  applicationUsed(applicationId: number): void {
    this.applications.add(applicationId);
    this.counters.tokenIssued(applicationId);
  }

  authenticationFailed(applicationId: number): void {
    this.counters.authenticationFailed(applicationId);
  }

  secretUsed(id: number | undefined): void {
    if (id !== undefined) this.secrets.add(id);
  }

  /** Writes what was recorded so far, after any write still running. */
  flush(): Promise<void> {
    const run = this.writing.then(() => this.write());
    this.writing = run.catch((error: unknown) => this.logger.warn(`could not record usage: ${(error as Error).message}`));
    return run;
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async write(): Promise<void> {
    const [applications, secrets, counts] = [[...this.applications], [...this.secrets], this.counters.take()];
    this.applications = new Set();
    this.secrets = new Set();
    const now = new Date();
    try {
      if (applications.length) {
        // Using an application is not editing it: `updatedAt` is assigned itself, which also
        // keeps MySQL's ON UPDATE from touching it. Being used again cancels a dormancy warning.
        await this.dataSource
          .createQueryBuilder()
          .update(OAuthApplication)
          .set({ lastUsedAt: now, dormantWarnedAt: null, updatedAt: () => 'updatedAt' })
          .where({ id: In(applications) })
          .execute();
      }
      if (secrets.length) await this.dataSource.getRepository(ClientSecret).update({ id: In(secrets) }, { lastUsedAt: now });
    } catch (error) {
      // A database blip only delays "last used"; the next flush writes it.
      applications.forEach((id) => this.applications.add(id));
      secrets.forEach((id) => this.secrets.add(id));
      this.logger.warn(`could not record usage: ${(error as Error).message}`);
    }
    await this.addCounts(counts);
  }

  /** Statement by statement: the counts of one that fails are kept for the next flush, the others are written once. */
  private async addCounts(counts: UsageDelta[]): Promise<void> {
    for (let start = 0; start < counts.length; start += COUNTS_PER_STATEMENT) {
      const batch = counts.slice(start, start + COUNTS_PER_STATEMENT);
      try {
        await this.usage.add(batch);
      } catch (error) {
        this.counters.restore(batch);
        this.logger.warn(`could not record usage counts: ${(error as Error).message}`);
      }
    }
  }
}
