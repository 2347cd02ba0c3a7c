import { Injectable, NotFoundException } from '@nestjs/common';
import { booleanFilter, containsFilter, findPage, idFilter, isDuplicateKeyError, type ListParams, type ListSpec, type Page } from '@keyhouse/api-persistence';
import {
  assertCan,
  AuditTrail,
  changedFields,
  changedUnchangeables,
  fieldProblems,
  inOrganizations,
  malformedFirst,
  ValidationFailedException,
  type BackOfficeCaller,
} from '@keyhouse/api-platform';
import { DataSource, Not } from 'typeorm';
import { accountChanges } from '../account-changes';
import { toCustomerUserDto } from '../dto';
import { CustomerUser, Organization } from '../entities';
import { PasswordHasher } from '../passwords/password-hasher';
import { CUSTOMER_USER_NOT_SAVED, type CreateCustomerUserBody, type UpdateCustomerUserBody } from './customer-user-bodies';

const EMAIL_TAKEN = 'A customer user with this email already exists.';

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

/** Storefront users of the organizations where the caller may view them. */
@Injectable()
export class CustomerUsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
  ) {}

  list(principal: BackOfficeCaller, params: ListParams): Promise<Page<CustomerUser>> {
    return findPage(this.visibleTo(principal), params, CUSTOMER_USER_LIST);
  }

  async get(principal: BackOfficeCaller, id: number): Promise<CustomerUser> {
    const customer = await this.visibleTo(principal).andWhere('customer.id = :id', { id }).getOne();
    if (!customer) throw new NotFoundException({ message: `Customer user ${id} not found.` });
    return customer;
  }

  /** A storefront account in an organization where the caller may create them (the first one, unless named). */
  async create(principal: BackOfficeCaller, body: CreateCustomerUserBody): Promise<CustomerUser> {
    const where = principal.reach.organizationsWith('customer_users.create');
    const organizationId = body.organizationId ?? (where === 'all' ? principal.reach.memberOf : where)[0];
    // An operator's reach takes in any id: the organization must also exist.
    const exists = (id: number) => this.dataSource.getRepository(Organization).existsBy({ id });
    if (organizationId === undefined || !principal.reach.can('customer_users.create', organizationId) || !(await exists(organizationId))) {
      throw new ValidationFailedException({ organizationId: 'Choose an organization you belong to.' });
    }
    // The email is the storefront's sign-in name: stored lower-case.
    const shown = {
      email: body.email.trim().toLowerCase(),
      firstName: (body.firstName ?? '').trim(),
      lastName: (body.lastName ?? '').trim(),
      locale: body.locale ?? 'en',
    };
    const customers = this.dataSource.getRepository(CustomerUser);
    if (await customers.existsBy({ email: shown.email })) throw new ValidationFailedException({ email: EMAIL_TAKEN });
    try {
      const passwordHash = await this.hasher.hash(body.password);
      const id = await this.dataSource.transaction(async (db) => {
        const created = await db.getRepository(CustomerUser).save(customers.create({ ...shown, organizationId, enabled: true, passwordHash }));
        await this.audit.record(
          {
            action: 'customer_user.created',
            actorUserId: principal.userId,
            target: { type: 'customer_user', id: created.id, name: created.email },
            organizationId,
            after: { ...shown, organizationId, enabled: true },
          },
          db,
        );
        return created.id;
      });
      return this.get(principal, id);
    } catch (error) {
      // Created by someone else between the check and the insert.
      if (isDuplicateKeyError(error)) throw new ValidationFailedException({ email: EMAIL_TAKEN });
      throw error;
    }
  }

  /**
   * Names, email (the sign-in name), language, and whether the account may sign in: a disabled
   * customer's storefront sessions and tokens are refused from the next request on.
   */
  async update(principal: BackOfficeCaller, id: number, body: UpdateCustomerUserBody): Promise<CustomerUser> {
    const customer = await this.editable(principal, id).catch(malformedFirst(body, CUSTOMER_USER_NOT_SAVED));
    const before = toCustomerUserDto(customer);
    const errors = { ...fieldProblems(body), ...changedUnchangeables(body, before) };
    if (Object.keys(errors).length) throw new ValidationFailedException(errors, CUSTOMER_USER_NOT_SAVED);
    const changes = accountChanges(body, customer);
    const customers = this.dataSource.getRepository(CustomerUser);
    if (changes.email !== undefined && (await customers.existsBy({ email: changes.email, id: Not(id) }))) {
      throw new ValidationFailedException({ email: EMAIL_TAKEN }, CUSTOMER_USER_NOT_SAVED);
    }
    if (Object.keys(changes).length === 0) return customer;
    try {
      await this.dataSource.transaction(async (db) => {
        await db.getRepository(CustomerUser).update({ id }, changes);
        await this.audit.record(
          {
            action: 'customer_user.updated',
            actorUserId: principal.userId,
            target: { type: 'customer_user', id, name: customer.email },
            organizationId: customer.organizationId,
            ...changedFields({ ...before }, { ...changes }),
          },
          db,
        );
      });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ValidationFailedException({ email: EMAIL_TAKEN }, CUSTOMER_USER_NOT_SAVED);
      throw error;
    }
    return this.get(principal, id);
  }

  private async editable(principal: BackOfficeCaller, id: number): Promise<CustomerUser> {
    const customer = await this.get(principal, id);
    assertCan(principal.reach, 'customer_users.edit', customer.organizationId);
    return customer;
  }

  private visibleTo(principal: BackOfficeCaller) {
    const customers = this.dataSource.getRepository(CustomerUser).createQueryBuilder('customer');
    return inOrganizations(customers, 'customer.organizationId', principal.reach.organizationsWith('customer_users.view'));
  }
}
