import { Injectable, NotFoundException } from '@nestjs/common';
import { booleanFilter, containsFilter, findPage, idFilter, type ListParams, type ListSpec, type Page } from '@keyhouse/api-persistence';
import { DataSource } from 'typeorm';
import { CustomerUser } from '../entities';
import type { BackOfficePrincipal } from '../session/principal';

const CUSTOMER_USER_LIST: ListSpec<CustomerUser> = {
  resource: 'customer-users',
  sortable: { id: 'id', email: 'email', firstName: 'firstName', lastName: 'lastName', enabled: 'enabled', createdAt: 'createdAt' },
  defaultSort: ['email', 'ASC'],
  filters: {
    id: idFilter('id'),
    q: containsFilter('email', 'firstName', 'lastName'),
    enabled: booleanFilter('enabled'),
    organizationId: idFilter('organizationId'),
  },
};

/** Storefront users of the organizations the principal belongs to. */
@Injectable()
export class CustomerUsersService {
  constructor(private readonly dataSource: DataSource) {}

  list(principal: BackOfficePrincipal, params: ListParams): Promise<Page<CustomerUser>> {
    return findPage(this.visibleTo(principal), params, CUSTOMER_USER_LIST);
  }

  async get(principal: BackOfficePrincipal, id: number): Promise<CustomerUser> {
    const customer = await this.visibleTo(principal).andWhere('customer.id = :id', { id }).getOne();
    if (!customer) throw new NotFoundException({ message: `Customer user ${id} not found.` });
    return customer;
  }

  private visibleTo(principal: BackOfficePrincipal) {
    return this.dataSource
      .getRepository(CustomerUser)
      .createQueryBuilder('customer')
      .where('customer.organizationId IN (:...visibleOrganizations)', { visibleOrganizations: principal.organizationIds.length ? principal.organizationIds : [0] });
  }
}
