import { Injectable, NotFoundException } from '@nestjs/common';
import { containsFilter, findPage, idFilter, isDuplicateKeyError, type ListParams, type ListSpec, type Page } from '@keyhouse/api-persistence';
import { AuditTrail, inOrganizations, ValidationFailedException, type BackOfficeCaller } from '@keyhouse/api-platform';
import { DataSource } from 'typeorm';
import { Organization } from '../entities';
import type { CreateOrganizationBody } from './organization-bodies';

const ORGANIZATION_LIST: ListSpec<Organization> = {
  resource: 'organizations',
  sortable: { id: 'id', name: 'name', createdAt: 'createdAt' },
  defaultSort: ['name', 'ASC'],
  filters: { id: idFilter('id'), q: containsFilter('name') },
};

/** Organizations where the caller may view them (every one for an operator); the others do not exist as far as they can tell. */
@Injectable()
export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  list(principal: BackOfficeCaller, params: ListParams): Promise<Page<Organization>> {
    return findPage(this.visibleTo(principal), params, ORGANIZATION_LIST);
  }

  async get(principal: BackOfficeCaller, id: number): Promise<Organization> {
    const organization = await this.visibleTo(principal).andWhere('organization.id = :id', { id }).getOne();
    if (!organization) throw new NotFoundException({ message: `Organization ${id} not found.` });
    return organization;
  }

  /**
   * A new tenant (platform operators only, see the controller). Its creator does not join it: an
   * operator reaches every organization anyway, and its administrators are added as users.
   */
  async create(principal: BackOfficeCaller, body: CreateOrganizationBody): Promise<Organization> {
    const name = body.name.trim();
    try {
      const id = await this.dataSource.transaction(async (db) => {
        const organization = await db.getRepository(Organization).save({ name });
        await this.audit.record(
          { action: 'organization.created', actorUserId: principal.userId, target: { type: 'organization', id: organization.id, name }, organizationId: organization.id, after: { name } },
          db,
        );
        return organization.id;
      });
      return await this.dataSource.getRepository(Organization).findOneByOrFail({ id });
    } catch (error) {
      // Names are unique across tenants (they name them in emails and lists).
      if (isDuplicateKeyError(error)) throw new ValidationFailedException({ name: 'An organization with this name already exists.' });
      throw error;
    }
  }

  private visibleTo(principal: BackOfficeCaller) {
    const organizations = this.dataSource.getRepository(Organization).createQueryBuilder('organization');
    return inOrganizations(organizations, 'organization.id', principal.reach.organizationsWith('organizations.view'));
  }
}
