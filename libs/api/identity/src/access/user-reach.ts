import { Reach } from '@keyhouse/api-platform';
import type { SelectQueryBuilder } from 'typeorm';
import type { User } from '../entities';

/** A user's reach: every permission of every role of each membership, or everything for an operator. */
export function reachOf(user: Pick<User, 'platformOperator' | 'memberships'>): Reach {
  const organizations = user.memberships.map((membership) => membership.organizationId);
  if (user.platformOperator) return Reach.operator(organizations);
  return Reach.ofMemberships(
    user.memberships.map(({ organizationId, roles }) => ({ organizationId, permissions: roles.flatMap((role) => role.permissions) })),
  );
}

/** Loads what `reachOf` and the user's answers need: memberships, their roles and organizations. */
export const withMemberships = <T extends User>(query: SelectQueryBuilder<T>) =>
  query
    .leftJoinAndSelect(`${query.alias}.memberships`, 'membership')
    .leftJoinAndSelect('membership.roles', 'role')
    .leftJoinAndSelect('membership.organization', 'membershipOrganization');
