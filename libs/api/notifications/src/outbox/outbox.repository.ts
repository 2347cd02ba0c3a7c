import { Injectable } from '@nestjs/common';
import { containsFilter, findPage, idFilter, ListQueryError, type ListParams, type ListSpec, type Page } from '@keyhouse/api-persistence';
import { inOrganizations, type OrganizationScope } from '@keyhouse/api-platform';
import { DataSource, type EntityManager } from 'typeorm';
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

/** The outbox as the console reads it (`viewable`: where the caller holds notifications.view), and as events fill it. */
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

  /** Mail about other organizations' applications does not exist for the caller. */
  private visibleIn(viewable: OrganizationScope) {
    return inOrganizations(this.dataSource.getRepository(OutboxEmail).createQueryBuilder('email'), 'email.organizationId', viewable);
  }
}
