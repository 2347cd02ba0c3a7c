import { Inject, Injectable } from '@nestjs/common';
import type { DeletedRows } from '@keyhouse/api-persistence';
import { AUDIT_OPTIONS, type AuditOptions } from './audit-options';
import { AuditEventsRepository } from './audit-events.repository';

const DAY_MS = 86_400_000;

/** AUDIT_RETENTION_DAYS: run with the other cleanups; deleting old rows is idempotent, so any instance may. */
@Injectable()
export class AuditRetention {
  constructor(
    private readonly events: AuditEventsRepository,
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
  ) {}

  /** Rows deleted, by table; none when retention is off. */
  async deleteExpired(now = new Date()): Promise<DeletedRows> {
    if (this.options.retentionDays === 0) return { audit_events: 0 };
    return { audit_events: await this.events.deleteOlderThan(new Date(now.getTime() - this.options.retentionDays * DAY_MS)) };
  }
}
