import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withMemberships } from '../access/user-reach';
import { CustomerUser, User } from '../entities';

/** An account as a sign-in sees it, with its digest. */
export interface SignInAccount {
  id: number;
  /** How the audit trail names it: a user's username, a customer's email. */
  name: string;
  passwordHash: string;
  enabled: boolean;
  /** Whose audit trail its sign-ins belong in. */
  organizationIds: number[];
}

export interface BackOfficeAccount extends SignInAccount {
  /** With memberships, roles and organizations: what the session's principal needs. */
  user: User;
}

export interface CustomerAccount extends SignInAccount {
  customer: CustomerUser;
}

/**
 * The reads of a sign-in: the account a normalized login names, disabled ones included (the
 * pipeline refuses them after the same work as a wrong password). `organizationId` narrows it to
 * the accounts an application of that organization may sign in.
 */
@Injectable()
export class SignInAccounts {
  constructor(private readonly dataSource: DataSource) {}

  /** A back-office user by username or email. */
  async user(login: string, organizationId?: number): Promise<BackOfficeAccount | null> {
    const query = this.users(organizationId).where('(user.username = :login OR user.email = :login)', { login });
    return backOfficeAccount(await query.getOne());
  }

  /** A back-office user by email only: what a single sign-on provider vouches for. */
  async userByEmail(email: string): Promise<BackOfficeAccount | null> {
    return backOfficeAccount(await this.users().where('user.email = :email', { email }).getOne());
  }

  async customer(email: string, organizationId?: number): Promise<CustomerAccount | null> {
    const query = this.dataSource.getRepository(CustomerUser).createQueryBuilder('customer').addSelect('customer.passwordHash').where('customer.email = :email', { email });
    if (organizationId !== undefined) query.andWhere('customer.organizationId = :organizationId', { organizationId });
    const customer = await query.getOne();
    return customer && { id: customer.id, name: customer.email, passwordHash: customer.passwordHash, enabled: customer.enabled, organizationIds: [customer.organizationId], customer };
  }

  private users(organizationId?: number) {
    const query = withMemberships(this.dataSource.getRepository(User).createQueryBuilder('user')).addSelect('user.passwordHash');
    return organizationId === undefined
      ? query
      : query.innerJoin('user.memberships', 'inOrganization', 'inOrganization.organizationId = :organizationId', { organizationId });
  }
}

function backOfficeAccount(user: User | null): BackOfficeAccount | null {
  return (
    user && {
      id: user.id,
      name: user.username,
      passwordHash: user.passwordHash,
      enabled: user.enabled,
      organizationIds: user.memberships.map((membership) => membership.organizationId),
      user,
    }
  );
}
