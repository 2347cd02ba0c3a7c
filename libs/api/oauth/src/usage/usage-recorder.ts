import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ClientSecret, OAuthApplication } from '@keyhouse/api-applications';
import { DataSource, In } from 'typeorm';

const FLUSH_INTERVAL_MS = 2_000;

/**
 * "Last used" of applications and secrets, written in batches every two seconds instead of on
 * every token: the token endpoint stays free of writes, and the console is seconds behind at most.
 */
@Injectable()
export class UsageRecorder implements OnModuleDestroy {
  private readonly logger = new Logger('Usage');
  private applications = new Set<number>();
  private secrets = new Set<number>();
  private readonly timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS).unref();

  constructor(private readonly dataSource: DataSource) {}

  applicationUsed(id: number): void {
    this.applications.add(id);
  }

  secretUsed(id: number | undefined): void {
    if (id !== undefined) this.secrets.add(id);
  }

  async flush(): Promise<void> {
    const [applications, secrets] = [[...this.applications], [...this.secrets]];
    this.applications = new Set();
    this.secrets = new Set();
    const now = new Date();
    try {
      if (applications.length) {
        // Using an application is not editing it: `updatedAt` is assigned itself, which also
        // keeps MySQL's ON UPDATE from touching it.
        await this.dataSource
          .createQueryBuilder()
          .update(OAuthApplication)
          .set({ lastUsedAt: now, updatedAt: () => 'updatedAt' })
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
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
