import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ApplicationEvent } from '@keyhouse/shared-contracts';
import { DomainEvents, PeriodicCheck } from '@keyhouse/api-platform';
import { DataSource } from 'typeorm';
import { applicationEvent } from '../application-events';
import { APPLICATIONS_OPTIONS, type ApplicationsOptions } from '../applications-options';
import type { OAuthApplication } from '../entities';
import { OAuthApplicationsService } from '../oauth-applications.service';
import { DAY_MS, Dormancy } from './dormancy';
import { DormantApplicationsRepository } from './dormant-applications.repository';

/** Dormancy is a matter of days: an hour late is on time. */
const CHECK_MS = 3_600_000;
const BATCH_SIZE = 100;

export interface DormancyCheck {
  warned: number;
  deactivated: number;
}

/**
 * The optional dormancy policy (DORMANT_DEACTIVATE_AFTER_DAYS): warns the owner of each active
 * application that became dormant, once, and deactivates it that many days later unless it got
 * a token meanwhile (the usage recorder clears the warning). Every instance runs the check; the
 * conditional UPDATEs let exactly one of them act on each application, in the transaction that
 * publishes the event, so each warning and each deactivation is announced exactly once.
 */
@Injectable()
export class DormantApplicationWatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Dormancy');
  private readonly periodic = new PeriodicCheck('dormancy check', this.logger, (now) => this.check(now), ({ warned, deactivated }) => {
    if (warned) this.logger.log(`warned the owners of ${warned} dormant application${warned === 1 ? '' : 's'}`);
    if (deactivated) this.logger.log(`deactivated ${deactivated} dormant application${deactivated === 1 ? '' : 's'}`);
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly dormancy: Dormancy,
    private readonly dormant: DormantApplicationsRepository,
    private readonly applications: OAuthApplicationsService,
    private readonly events: DomainEvents,
    @Inject(APPLICATIONS_OPTIONS) private readonly options: ApplicationsOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.dormancy.deactivateAfterDays !== null && this.options.scheduledChecks !== false) this.periodic.start(CHECK_MS);
  }

  onModuleDestroy(): Promise<void> {
    return this.periodic.stop();
  }

  /** Deactivates what is due, then warns, after any check still running here; answers what this call did. */
  run(now?: Date): Promise<DormancyCheck> {
    return this.periodic.run(now);
  }

  private async check(now: Date): Promise<DormancyCheck> {
    const graceDays = this.dormancy.deactivateAfterDays;
    if (graceDays === null) return { warned: 0, deactivated: 0 };
    const before = this.dormancy.before(now);
    const warnedBefore = new Date(now.getTime() - graceDays * DAY_MS);
    // Deactivations first: an application warned by this very check always gets its grace period.
    const deactivated = await this.inBatches(
      () => this.dormant.dueForDeactivation(before, warnedBefore, BATCH_SIZE),
      (application) =>
        this.applications.deactivateDormant(application, (db) => this.dormant.claimDeactivation(db, application.id, before, warnedBefore)),
    );
    const deactivatesAt = new Date(now.getTime() + graceDays * DAY_MS).toISOString();
    const warned = await this.inBatches(
      () => this.dormant.dueForWarning(before, BATCH_SIZE),
      (application) =>
        this.dataSource.transaction(async (db) => {
          if (!(await this.dormant.claimWarning(db, application.id, now, before))) return false;
          const warning: ApplicationEvent = {
            ...applicationEvent('oauth_application.dormant', application, null),
            dormancy: { lastUsedAt: application.lastUsedAt?.toISOString() ?? null, deactivatesAt },
          };
          await this.events.publish(warning, db);
          return true;
        }),
    );
    return { warned, deactivated };
  }

  /** Acts on each due application, batch after batch, until a batch comes back short; answers how many this instance took. */
  private async inBatches(due: () => Promise<OAuthApplication[]>, act: (application: OAuthApplication) => Promise<boolean>): Promise<number> {
    let taken = 0;
    for (;;) {
      const batch = await due();
      for (const application of batch) {
        try {
          if (await act(application)) taken++;
        } catch (error) {
          // Another SQLite writer holds the database, most likely acting on these very
          // applications: whatever it leaves is for the next check.
          if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return taken;
          throw error;
        }
      }
      // Whatever was acted on, by anyone, leaves the query: a short batch means none are left.
      if (batch.length < BATCH_SIZE) return taken;
    }
  }
}
