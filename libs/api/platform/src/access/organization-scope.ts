import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { OrganizationScope } from './reach';

/**
 * Limits a query to the rows of the organizations in scope, the one way every repository scopes
 * its reads: nothing for an empty scope (`IN ()` is not SQL), no clause for every organization.
 */
export function inOrganizations<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  scope: OrganizationScope,
  param = 'scopedOrganizations',
): SelectQueryBuilder<T> {
  if (scope === 'all') return query;
  if (scope.length === 0) return query.andWhere('1 = 0');
  return query.andWhere(`${column} IN (:...${param})`, { [param]: scope });
}

/** The same limit as SQL text and parameters, for a condition that combines it with others. */
export function organizationCondition(column: string, scope: OrganizationScope, param = 'scopedOrganizations'): [string, Record<string, unknown>] {
  if (scope === 'all') return ['1 = 1', {}];
  if (scope.length === 0) return ['1 = 0', {}];
  return [`${column} IN (:...${param})`, { [param]: scope }];
}

export const inScope = (scope: OrganizationScope, organizationId: number): boolean => scope === 'all' || scope.includes(organizationId);
