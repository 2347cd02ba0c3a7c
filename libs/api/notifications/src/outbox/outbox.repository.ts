import { Injectable } from '@nestjs/common';
import { containsFilter, findPage, idFilter, ListQueryError, sqlDatetime, type ListParams, type ListSpec, type Page } from '@keyhouse/api-persistence';
import { inOrganizations, type OrganizationScope } from '@keyhouse/api-platform';
import { DataSource, In, type EntityManager } from 'typeorm';
import { OutboxEmail } from '../entities';

const EMAIL_LIST: ListSpec<OutboxEmail> = {
  resource: 'emails',
  sortable: { id: 'id', createdAt: { columns: ['createdAt'] }, status: 'status', to: 'recipient' },
  defaultSort: ['id', 'DESC'],
  filters: {
    id: idFilter('id'),
    q: containsFilter('recipient', 'subject'),
    event: containsFilter('event'),
    status: (query, value, param) => {
      if (!['pending', 'sent', 'failed'].includes(String(value))) throw new ListQueryError('filter', 'status must be pending, sent or failed');
      query.andWhere(`${query.alias}.status = :${param}`, { [param]: value });
    },
  },
};

/** A mail to queue: who gets it, about which organization, already rendered. */
export type QueuedEmail = Pick<OutboxEmail, 'event' | 'organizationId' | 'recipient' | 'subject' | 'html'>;

/** A failed try: what went wrong, and when to try again (never, once `failed`). */
export type FailedTry = Pick<OutboxEmail, 'status' | 'attempts' | 'lastError' | 'nextAttemptAt'>;

/** The outbox as the console reads it (`viewable`: where the caller holds notifications.view), as events fill it, and as workers drain it. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(viewable: OrganizationScope, params: ListParams): Promise<Page<OutboxEmail>> {
    return findPage(this.visibleIn(viewable), params, EMAIL_LIST);
  }

  findVisible(viewable: OrganizationScope, id: number): Promise<OutboxEmail | null> {
    return this.visibleIn(viewable).andWhere('email.id = :id', { id }).getOne();
  }

  /** Back to pending from a clean slate, due now. */
  async requeue(id: number): Promise<void> {
    await this.dataSource
      .getRepository(OutboxEmail)
      .update({ id }, { status: 'pending', attempts: 0, lastError: null, nextAttemptAt: new Date(), lockedUntil: null, sentAt: null });
  }

  /** In the transaction of the change that caused them. */
  async queue(db: EntityManager, emails: QueuedEmail[]): Promise<void> {
    const now = new Date();
    await db
      .getRepository(OutboxEmail)
      .insert(emails.map((email) => ({ ...email, status: 'pending' as const, attempts: 0, lastError: null, nextAttemptAt: now, lockedUntil: null, sentAt: null })));
  }

  /**
   * Claims up to `limit` due mails for one worker until `leaseEnd`: other workers skip them until
   * then (MySQL: FOR UPDATE SKIP LOCKED; SQLite runs one writer at a time).
   */
  claimDue(now: Date, limit: number, leaseEnd: Date): Promise<OutboxEmail[]> {
    const type = this.dataSource.options.type;
    const skipLocked = type === 'mysql' || type === 'mariadb' ? ' FOR UPDATE SKIP LOCKED' : '';
    return this.dataSource.transaction(async (db) => {
      const rows = (await db.query(
        `SELECT id FROM notification_outbox
          WHERE status = 'pending' AND nextAttemptAt <= ? AND (lockedUntil IS NULL OR lockedUntil < ?)
          ORDER BY id LIMIT ${limit}${skipLocked}`,
        [sqlDatetime(now), sqlDatetime(now)],
      )) as Array<{ id: number }>;
      if (rows.length === 0) return [];
      const ids = rows.map((row) => Number(row.id));
      await db.getRepository(OutboxEmail).update({ id: In(ids) }, { lockedUntil: leaseEnd });
      return db.getRepository(OutboxEmail).findBy({ id: In(ids) });
    });
  }

  async markSent(mail: OutboxEmail): Promise<void> {
    await this.dataSource
      .getRepository(OutboxEmail)
      .update({ id: mail.id }, { status: 'sent', sentAt: new Date(), attempts: mail.attempts + 1, lastError: null, lockedUntil: null });
  }

  async markFailed(mail: OutboxEmail, failure: FailedTry): Promise<void> {
    await this.dataSource.getRepository(OutboxEmail).update({ id: mail.id }, { ...failure, lockedUntil: null });
  }

  /** Mail about other organizations' applications does not exist for the caller. */
  private visibleIn(viewable: OrganizationScope) {
    return inOrganizations(this.dataSource.getRepository(OutboxEmail).createQueryBuilder('email'), 'email.organizationId', viewable);
  }
}
