import { Injectable, NotFoundException } from '@nestjs/common';
import { booleanFilter, containsFilter, findPage, idFilter, ListQueryError, type ListParams, type ListSpec, type Page } from '@keyhouse/api-persistence';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { User } from '../entities';
import type { BackOfficePrincipal } from '../session/principal';

const inOrganization = (query: SelectQueryBuilder<User>, ids: number[], param: string) =>
  query.andWhere(
    `EXISTS (SELECT 1 FROM user_organizations uo WHERE uo.userId = ${query.alias}.id AND uo.organizationId IN (:...${param}))`,
    { [param]: ids },
  );

const withOrganizationsAndRoles = (query: SelectQueryBuilder<User>) =>
  query.leftJoinAndSelect(`${query.alias}.organizations`, 'organization').leftJoinAndSelect(`${query.alias}.roles`, 'role');

const USER_LIST: ListSpec<User> = {
  resource: 'users',
  joins: withOrganizationsAndRoles,
  sortable: { id: 'id', username: 'username', email: 'email', firstName: 'firstName', lastName: 'lastName', enabled: 'enabled', createdAt: 'createdAt' },
  defaultSort: ['username', 'ASC'],
  filters: {
    id: idFilter('id'),
    q: containsFilter('username', 'email', 'firstName', 'lastName'),
    enabled: booleanFilter('enabled'),
    organizationId: (query, value, param) => {
      const id = Number(value);
      if (!Number.isSafeInteger(id)) throw new ListQueryError('filter', 'organizationId must be an id');
      inOrganization(query, [id], param);
    },
  },
};

/** Back-office users, as far as the principal may see them: those sharing one of their organizations. */
@Injectable()
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  list(principal: BackOfficePrincipal, params: ListParams): Promise<Page<User>> {
    return findPage(this.visibleTo(principal), params, USER_LIST);
  }

  async get(principal: BackOfficePrincipal, id: number): Promise<User> {
    const user = await withOrganizationsAndRoles(this.visibleTo(principal)).andWhere('user.id = :id', { id }).getOne();
    if (!user) throw new NotFoundException({ message: `User ${id} not found.` });
    return user;
  }

  private visibleTo(principal: BackOfficePrincipal) {
    const query = this.dataSource.getRepository(User).createQueryBuilder('user');
    return inOrganization(query, principal.organizationIds.length ? principal.organizationIds : [0], 'visibleOrganizations');
  }
}
