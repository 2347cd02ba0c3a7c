import { Injectable, NotFoundException } from '@nestjs/common';
import { booleanFilter, containsFilter, findPage, idFilter, ListQueryError, type ListParams, type ListSpec, type Page } from '@keyhouse/api-persistence';
import { organizationCondition, type BackOfficeCaller, type OrganizationScope } from '@keyhouse/api-platform';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { withMemberships } from '../access/user-reach';
import { User } from '../entities';

/** Users with a membership in one of these organizations (every user for an operator's 'all'). */
const inOrganizations = (query: SelectQueryBuilder<User>, scope: OrganizationScope, param: string) => {
  if (scope === 'all') return query;
  const [condition, parameters] = organizationCondition('uo.organizationId', scope, param);
  return query.andWhere(`EXISTS (SELECT 1 FROM user_organizations uo WHERE uo.userId = ${query.alias}.id AND ${condition})`, parameters);
};

const USER_LIST: ListSpec<User> = {
  resource: 'users',
  joins: withMemberships,
  sortable: { id: 'id', username: 'username', email: 'email', firstName: 'firstName', lastName: 'lastName', enabled: 'enabled', createdAt: 'createdAt' },
  defaultSort: ['username', 'ASC'],
  filters: {
    id: idFilter('id'),
    q: containsFilter('username', 'email', 'firstName', 'lastName'),
    enabled: booleanFilter('enabled'),
    platformOperator: booleanFilter('platformOperator'),
    organizationId: (query, value, param) => {
      const id = Number(value);
      if (!Number.isSafeInteger(id)) throw new ListQueryError('filter', 'organizationId must be an id');
      inOrganizations(query, [id], param);
    },
  },
};

/** Back-office users as far as the caller may see them: members of organizations where they may view users. */
@Injectable()
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  list(caller: BackOfficeCaller, params: ListParams): Promise<Page<User>> {
    return findPage(this.visibleTo(caller), params, USER_LIST);
  }

  async get(caller: BackOfficeCaller, id: number): Promise<User> {
    const user = await withMemberships(this.visibleTo(caller)).andWhere('user.id = :id', { id }).getOne();
    if (!user) throw new NotFoundException({ message: `User ${id} not found.` });
    return user;
  }

  private visibleTo(caller: BackOfficeCaller) {
    return inOrganizations(this.dataSource.getRepository(User).createQueryBuilder('user'), caller.reach.organizationsWith('users.view'), 'visibleOrganizations');
  }
}
