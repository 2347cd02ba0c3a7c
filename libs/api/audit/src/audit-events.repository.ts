import { Injectable } from '@nestjs/common';
import { containsFilter, deleteInBatches, findPage, idFilter, ListQueryError, type FilterApplier, type ListParams, type ListSpec, type Page } from '@keyhouse/api-persistence';
import { DataSource, LessThan } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

const textFilter =
  (column: string): FilterApplier<AuditEvent> =>
  (query, value, param) => {
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((v) => typeof v === 'string' || typeof v === 'number')) throw new ListQueryError('filter', `${param.slice(2)} must be text`);
    query.andWhere(`${query.alias}.${column} IN (:...${param})`, { [param]: values.map(String) });
  };

const timeFilter =
  (operator: '>=' | '<'): FilterApplier<AuditEvent> =>
  (query, value, param) => {
    const time = typeof value === 'string' ? new Date(value) : new Date(NaN);
    if (Number.isNaN(time.getTime())) throw new ListQueryError('filter', `${param.slice(2)} must be an ISO 8601 date`);
    query.andWhere(`${query.alias}.at ${operator} :${param}`, { [param]: time });
  };

const AUDIT_LIST: ListSpec<AuditEvent> = {
  resource: 'audit-events',
  sortable: { at: 'at', id: 'id' },
  defaultSort: ['at', 'DESC'],
  filters: {
    id: idFilter('id'),
    action: textFilter('action'),
    actorUserId: idFilter('actorUserId'),
    targetType: textFilter('targetType'),
    targetId: textFilter('targetId'),
    organizationId: idFilter('organizationId'),
    from: timeFilter('>='),
    to: timeFilter('<'),
    q: containsFilter('actorName', 'targetName'),
  },
};

/** Reads scoped to the caller's organizations, plus what concerns no organization (templates, rules, sign-ins). */
@Injectable()
export class AuditEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(organizationIds: number[], params: ListParams): Promise<Page<AuditEvent>> {
    return findPage(this.visibleIn(organizationIds), params, AUDIT_LIST);
  }

  findVisible(organizationIds: number[], id: number): Promise<AuditEvent | null> {
    return this.visibleIn(organizationIds).andWhere('event.id = :id', { id }).getOne();
  }

  /** Retention: the only way rows ever leave the trail. In batches: a year of backlog never holds one long lock. */
  deleteOlderThan(cutoff: Date): Promise<number> {
    return deleteInBatches(this.dataSource.getRepository(AuditEvent), 'id', (query) => query.where({ at: LessThan(cutoff) }));
  }

  private visibleIn(organizationIds: number[]) {
    return this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('event')
      .where('(event.organizationId IN (:...visibleOrganizations) OR event.organizationId IS NULL)', {
        visibleOrganizations: organizationIds.length ? organizationIds : [0],
      });
  }
}
