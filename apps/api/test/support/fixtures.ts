import { CustomerUser, Organization, Role, User } from '@keyhouse/api-identity';
import { In, type DataSource } from 'typeorm';
import { fastHasher } from './test-app';

export function createOrganization(dataSource: DataSource, name: string): Promise<Organization> {
  return dataSource.getRepository(Organization).save({ name });
}

export async function createUser(
  dataSource: DataSource,
  {
    username,
    password = 'a-user-password',
    organizations,
    roles = ['ROLE_ADMINISTRATOR'],
    enabled = true,
    firstName = '',
    lastName = '',
  }: {
    username: string;
    password?: string;
    /** Entities, or references by id. */
    organizations: Array<Pick<Organization, 'id'>>;
    roles?: string[];
    enabled?: boolean;
    firstName?: string;
    lastName?: string;
  },
): Promise<User> {
  const roleEntities = roles.length ? await dataSource.getRepository(Role).findBy({ name: In(roles) }) : [];
  return dataSource.getRepository(User).save({
    username,
    email: `${username}@example.com`,
    firstName,
    lastName,
    enabled,
    passwordHash: await fastHasher.hash(password),
    organizations,
    roles: roleEntities,
  });
}

export async function createCustomerUser(
  dataSource: DataSource,
  {
    email,
    organization,
    enabled = true,
    firstName = '',
    lastName = '',
  }: { email: string; organization: Pick<Organization, 'id'>; enabled?: boolean; firstName?: string; lastName?: string },
): Promise<CustomerUser> {
  return dataSource.getRepository(CustomerUser).save({
    email,
    firstName,
    lastName,
    enabled,
    organizationId: organization.id,
    passwordHash: await fastHasher.hash('a-customer-password'),
  });
}

export function createRole(dataSource: DataSource, name: string, permissions: string[]): Promise<Role> {
  return dataSource.getRepository(Role).save({ name, label: name, permissions: permissions as Role['permissions'] });
}
