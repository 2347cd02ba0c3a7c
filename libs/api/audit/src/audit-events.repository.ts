import { Injectable } from '@nestjs/common';
import { containsFilter, deleteInBatches, findPage, idFilter, ListQueryError, type FilterApplier, type ListParams, type ListSpec, type Page } from '@keyhouse/api-persistence';
import { inScope, organizationCondition, type OrganizationScope, type Reach } from '@keyhouse/api-platform';
import { DataSource, LessThan, type SelectQueryBuilder } from 'typeorm';
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

/**
 * Rows concerning any of these organizations, read from the organization-first index. `alias`
 * keeps the scope's subquery and a filter's apart.
 */
function concerning(query: SelectQueryBuilder<AuditEvent>, scope: OrganizationScope, alias: string): SelectQueryBuilder<AuditEvent> {
  if (scope === 'all') return query;
  const [condition, parameters] = organizationCondition(`${alias}.organizationId`, scope, alias);
  return query.andWhere(`${query.alias}.id IN (SELECT ${alias}.eventId FROM audit_event_organizations ${alias} WHERE ${condition})`, parameters);
}

/**
 * Rows concerning any of the organizations asked for, among those the reader may see: whether a
 * row they see also concerns an organization they may not see is not theirs to find out.
 */
const organizationFilter =
  (scope: OrganizationScope): FilterApplier<AuditEvent> =>
  (query, value, param) => {
    const ids = (Array.isArray(value) ? value : [value]).map(Number);
    if (ids.some((id) => !Number.isSafeInteger(id))) throw new ListQueryError('filter', `${param.slice(2)} must be an id or a list of ids`);
    concerning(query, ids.filter((id) => inScope(scope, id)), param);
  };

/** Every organization of the rows read; the answer names those the reader may see. */
const withOrganizations = (query: SelectQueryBuilder<AuditEvent>) => query.leftJoinAndSelect(`${query.alias}.organizations`, 'concerned');

const auditList = (scope: OrganizationScope): ListSpec<AuditEvent> => ({
  resource: 'audit-events',
  sortable: { at: 'at', id: 'id' },
  defaultSort: ['at', 'DESC'],
  filters: {
    id: idFilter('id'),
    action: textFilter('action'),
    actorUserId: idFilter('actorUserId'),
    targetType: textFilter('targetType'),
    targetId: textFilter('targetId'),
    organizationId: organizationFilter(scope),
    from: timeFilter('>='),
    to: timeFilter('<'),
    q: containsFilter('actorName', 'targetName'),
  },
  joins: withOrganizations,
});

/**
 * Reads scoped to the organizations where the caller may view the trail: a row is theirs when it
 * concerns any of them. Rows that concern no organization (the platform) are an operator's.
 */
@Injectable()
export class AuditEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(reach: Reach, params: ListParams): Promise<Page<AuditEvent>> {
    const scope = reach.organizationsWith('audit.view');
    return findPage(this.visibleIn(scope), params, auditList(scope));
  }

  findVisible(reach: Reach, id: number): Promise<AuditEvent | null> {
    return withOrganizations(this.visibleIn(reach.organizationsWith('audit.view'))).andWhere('event.id = :id', { id }).getOne();
  }

  /** Retention: the only way rows ever leave the trail, their organizations with them (ON DELETE CASCADE). In batches: a year of backlog never holds one long lock. */
  deleteOlderThan(cutoff: Date): Promise<number> {
    return deleteInBatches(this.dataSource.getRepository(AuditEvent), 'id', (query) => query.where({ at: LessThan(cutoff) }));
  }

  private visibleIn(scope: OrganizationScope) {
    return concerning(this.dataSource.getRepository(AuditEvent).createQueryBuilder('event'), scope, 'visible');
  }
}
