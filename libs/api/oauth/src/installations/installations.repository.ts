import { Injectable } from '@nestjs/common';
import { CustomerUser, User } from '@keyhouse/api-identity';
import { findPage, idFilter, ListQueryError, type FilterApplier, type ListParams, type ListSpec, type Page } from '@keyhouse/api-persistence';
import { organizationCondition, type OrganizationScope } from '@keyhouse/api-platform';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { Installation } from '../entities';

/** Who may see which installations: their organizations' (with the permission) and always their own. */
export interface InstallationScope {
  organizations: OrganizationScope;
  /** The caller's own installations are theirs to see, in the organizations they act in (a token: its own). */
  own: { userId: number; organizationIds: number[] };
}

const withDetails = (query: SelectQueryBuilder<Installation>) =>
  query
    .leftJoinAndSelect(`${query.alias}.application`, 'application')
    .leftJoinAndSelect(`${query.alias}.organization`, 'organization')
    .leftJoinAndMapOne(`${query.alias}.user`, User, 'user', `user.id = ${query.alias}.subjectId AND ${query.alias}.subjectType = 'user'`)
    .leftJoinAndMapOne(`${query.alias}.customerUser`, CustomerUser, 'customerUser', `customerUser.id = ${query.alias}.subjectId AND ${query.alias}.subjectType = 'customer'`);

const subjectFilter =
  (type: 'user' | 'customer'): FilterApplier<Installation> =>
  (query, value, param) => {
    const id = Number(value);
    if (!Number.isSafeInteger(id)) throw new ListQueryError('filter', `${param.slice(2)} must be an id`);
    query.andWhere(`${query.alias}.subjectType = :${param}_type AND ${query.alias}.subjectId = :${param}`, { [param]: id, [`${param}_type`]: type });
  };

function installationList(scope: InstallationScope): ListSpec<Installation> {
  return {
    resource: 'oauth-installations',
    joins: withDetails,
    sortable: { id: 'id', createdAt: 'createdAt', updatedAt: 'updatedAt' },
    defaultSort: ['createdAt', 'DESC'],
    filters: {
      id: idFilter('id'),
      organizationId: idFilter('organizationId'),
      applicationId: idFilter('applicationId'),
      userId: subjectFilter('user'),
      customerUserId: subjectFilter('customer'),
      mine: (query, value, param) => {
        if (value !== true && value !== 'true') throw new ListQueryError('filter', 'mine must be true');
        query.andWhere(`${query.alias}.subjectType = 'user' AND ${query.alias}.subjectId = :${param}`, { [param]: scope.own.userId });
      },
    },
  };
}

@Injectable()
export class InstallationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(scope: InstallationScope, params: ListParams): Promise<Page<Installation>> {
    return findPage(this.visible(scope), params, installationList(scope));
  }

  findVisible(scope: InstallationScope, id: number): Promise<Installation | null> {
    return withDetails(this.visible(scope)).andWhere('installation.id = :id', { id }).getOne();
  }

  private visible(scope: InstallationScope): SelectQueryBuilder<Installation> {
    const [inOrganizations, parameters] = organizationCondition('installation.organizationId', scope.organizations, 'visibleOrganizations');
    const [inOwn, ownParameters] = organizationCondition('installation.organizationId', scope.own.organizationIds, 'ownOrganizations');
    return this.dataSource
      .getRepository(Installation)
      .createQueryBuilder('installation')
      .where(`(${inOrganizations} OR (installation.subjectType = 'user' AND installation.subjectId = :caller AND ${inOwn}))`, {
        ...parameters,
        ...ownParameters,
        caller: scope.own.userId,
      });
  }
}
