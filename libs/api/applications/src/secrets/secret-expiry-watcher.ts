import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DomainEvents, PeriodicCheck } from '@keyhouse/api-platform';
import { DataSource } from 'typeorm';
import { secretEvent } from '../application-events';
import { APPLICATIONS_OPTIONS, type ApplicationsOptions } from '../applications-options';
import { ClientSecretsRepository } from './client-secrets.repository';
import { warningHorizon } from './secret-rotation';

/** Warnings are a matter of days: a minute late is on time. */
const CHECK_MS = 60_000;
const BATCH_SIZE = 100;

/**
 * Publishes `secret_expiring` for each secret entering its last SECRET_EXPIRY_WARNING_DAYS, once.
 * Every instance runs the check; the conditional UPDATE of `expiryWarnedAt` lets exactly one of
 * them publish, in the transaction that marks the secret, so the warning is queued exactly once.
 */
@Injectable()
export class SecretExpiryWatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SecretExpiry');
  private readonly periodic = new PeriodicCheck('expiry check', this.logger, (now) => this.check(now), (warned) => {
    if (warned) this.logger.log(`queued the expiry warning of ${warned} client secret${warned === 1 ? '' : 's'}`);
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: ClientSecretsRepository,
    private readonly events: DomainEvents,
    @Inject(APPLICATIONS_OPTIONS) private readonly options: ApplicationsOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.secretExpiryWarningDays > 0 && this.options.scheduledChecks !== false) this.periodic.start(CHECK_MS);
  }

  onModuleDestroy(): Promise<void> {
    return this.periodic.stop();
  }

  /** Queues the warnings that are due, after any check still running here; answers how many this call queued. */
  warnDue(now?: Date): Promise<number> {
    return this.periodic.run(now);
  }

  private async check(now: Date): Promise<number> {
    if (this.options.secretExpiryWarningDays === 0) return 0;
    const horizon = warningHorizon(now, this.options.secretExpiryWarningDays);
    let warned = 0;
    for (;;) {
      const due = await this.secrets.dueForWarning(now, horizon, BATCH_SIZE);
      for (const secret of due) {
        let claimed: boolean;
        try {
          claimed = await this.dataSource.transaction(async (db) => {
            if (!(await this.secrets.claimWarning(db, secret.id, now))) return false;
            const expiresAt = secret.expiresAt?.toISOString() ?? null;
            await this.events.publish(secretEvent('oauth_application.secret_expiring', secret.application, null, { id: secret.id, expiresAt }), db);
            return true;
          });
        } catch (error) {
          // Another SQLite writer holds the database, most likely warning of these very secrets:
          // whatever it leaves is for the next check.
          if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return warned;
          throw error;
        }
        if (claimed) warned++;
      }
      // Claimed secrets, by anyone, leave the query: a short batch means none are left.
      if (due.length < BATCH_SIZE) return warned;
    }
  }
}
