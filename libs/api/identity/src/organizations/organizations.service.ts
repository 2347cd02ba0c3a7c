import { Injectable, NotFoundException } from '@nestjs/common';
import { containsFilter, findPage, idFilter, type ListParams, type ListSpec, type Page } from '@keyhouse/api-persistence';
import { DataSource } from 'typeorm';
import { Organization } from '../entities';
import type { BackOfficePrincipal } from '../session/principal';

const ORGANIZATION_LIST: ListSpec<Organization> = {
  resource: 'organizations',
  sortable: { id: 'id', name: 'name', createdAt: 'createdAt' },
  defaultSort: ['name', 'ASC'],
  filters: { id: idFilter('id'), q: containsFilter('name') },
};

/** Organizations the principal belongs to; the others do not exist as far as they can tell. */
@Injectable()
export class OrganizationsService {
  constructor(private readonly dataSource: DataSource) {}

  list(principal: BackOfficePrincipal, params: ListParams): Promise<Page<Organization>> {
    return findPage(this.visibleTo(principal), params, ORGANIZATION_LIST);
  }

  async get(principal: BackOfficePrincipal, id: number): Promise<Organization> {
    const organization = await this.visibleTo(principal).andWhere('organization.id = :id', { id }).getOne();
    if (!organization) throw new NotFoundException({ message: `Organization ${id} not found.` });
    return organization;
  }

  private visibleTo(principal: BackOfficePrincipal) {
    return this.dataSource
      .getRepository(Organization)
      .createQueryBuilder('organization')
      .where('organization.id IN (:...visibleOrganizations)', { visibleOrganizations: principal.organizationIds.length ? principal.organizationIds : [0] });
  }
}
