import { Injectable } from '@nestjs/common';
import { containsFilter, deleteInBatches, findPage, idFilter, ListQueryError, type FilterApplier, type ListParams, type ListSpec, type Page } from '@keyhouse/api-persistence';
import { inOrganizations, type Reach } from '@keyhouse/api-platform';
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

/** Reads scoped to the organizations where the caller may view the trail; rows about no organization (the platform) are an operator's. */
@Injectable()
export class AuditEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(reach: Reach, params: ListParams): Promise<Page<AuditEvent>> {
    return findPage(this.visibleTo(reach), params, AUDIT_LIST);
  }

  findVisible(reach: Reach, id: number): Promise<AuditEvent | null> {
    return this.visibleTo(reach).andWhere('event.id = :id', { id }).getOne();
  }

  /** Retention: the only way rows ever leave the trail. In batches: a year of backlog never holds one long lock. */
  deleteOlderThan(cutoff: Date): Promise<number> {
    return deleteInBatches(this.dataSource.getRepository(AuditEvent), 'id', (query) => query.where({ at: LessThan(cutoff) }));
  }

  private visibleTo(reach: Reach) {
    return inOrganizations(this.dataSource.getRepository(AuditEvent).createQueryBuilder('event'), 'event.organizationId', reach.organizationsWith('audit.view'));
  }
}
