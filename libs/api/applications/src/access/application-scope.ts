import { inOrganizations, organizationCondition, type OrganizationScope } from '@keyhouse/api-platform';
import type { SelectQueryBuilder } from 'typeorm';
import type { OAuthApplication } from '../entities';
import type { Actor } from './application-access';

/**
 * Which applications a caller sees: those of the organizations where they may view them, and
 * the back-office applications acting as themselves in organizations they belong to.
 */
export interface ApplicationScope {
  viewable: OrganizationScope;
  actingAs?: { userId: number; organizationIds: number[] };
}

/** What an actor sees: where they may view applications, and the back-office ones acting as themselves where they belong. */
export function applicationScope({ reach, userId }: Actor): ApplicationScope {
  return { viewable: reach.organizationsWith('oauth_applications.view'), actingAs: userId === null ? undefined : { userId, organizationIds: reach.memberOf } };
}

/** Narrows a query of applications aliased `application` to the scope: every query that reads them for someone goes through here. */
export function visibleIn(query: SelectQueryBuilder<OAuthApplication>, { viewable, actingAs }: ApplicationScope): SelectQueryBuilder<OAuthApplication> {
  if (!actingAs) return inOrganizations(query, 'application.organizationId', viewable);
  const [byPermission, permissionParameters] = organizationCondition('application.organizationId', viewable, 'viewableOrganizations');
  const [byMembership, membershipParameters] = organizationCondition('application.organizationId', actingAs.organizationIds, 'memberOrganizations');
  return query.andWhere(`(${byPermission} OR (application.frontend = :ownFrontend AND application.userId = :ownUserId AND ${byMembership}))`, {
    ...permissionParameters,
    ...membershipParameters,
    ownFrontend: false,
    ownUserId: actingAs.userId,
  });
}
