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
    platformOperator = false,
  }: {
    username: string;
    password?: string;
    /** Entities, or references by id: a membership in each, with `roles`. */
    organizations: Array<Pick<Organization, 'id'>>;
    roles?: string[];
    enabled?: boolean;
    firstName?: string;
    lastName?: string;
    platformOperator?: boolean;
  },
): Promise<User> {
  const roleEntities = roles.length ? await dataSource.getRepository(Role).findBy({ name: In(roles) }) : [];
  const user = await dataSource.getRepository(User).save({
    username,
    email: `${username}@example.com`,
    firstName,
    lastName,
    enabled,
    platformOperator,
    passwordHash: await fastHasher.hash(password),
  });
  for (const { id: organizationId } of organizations) await addMembership(dataSource, user.id, organizationId, roleEntities);
  return user;
}

/** Makes the user a member of the organization with these roles (by entity). */
export async function addMembership(dataSource: DataSource, userId: number, organizationId: number, roles: Array<Pick<Role, 'id'>>): Promise<void> {
  await dataSource.query('INSERT INTO user_organizations (userId, organizationId) VALUES (?, ?)', [userId, organizationId]);
  for (const role of roles) await dataSource.query('INSERT INTO membership_roles (userId, organizationId, roleId) VALUES (?, ?, ?)', [userId, organizationId, role.id]);
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

export function createRole(dataSource: DataSource, name: string, permissions: string[], organizationId: number | null = null): Promise<Role> {
  return dataSource.getRepository(Role).save({ name, label: name, permissions: permissions as Role['permissions'], organizationId });
}
