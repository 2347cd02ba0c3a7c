import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { CustomerSession, CustomerUser } from '../entities';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity-options';
import { digestSessionToken } from './session.service';
import { SignInAccounts, type CustomerAccount } from './sign-in-accounts';
import { SignInPipeline, type SignInDoor } from './sign-in-pipeline';

/** The storefront session cookie: a customer user's, never accepted by the back-office API. */
export const STOREFRONT_SESSION_COOKIE = 'keyhouse_storefront_session';

export interface StorefrontSession {
  customer: CustomerUser;
  csrfToken: string;
  /** When the customer signed in (OpenID Connect's `auth_time`). */
  signedInAt: Date;
}

/** Sign-in and sessions for customer users, on the same terms as the console's (throttled, generic failure). */
@Injectable()
export class StorefrontSessionService {
  /**
   * The storefront's sign-in page: customer users, by email. Its count is the storefront password
   * grant's too: one account, one budget.
   */
  private readonly door: SignInDoor<CustomerAccount> = { kind: 'customer', audit: 'storefront_session', find: (email) => this.accounts.customer(email) };

  constructor(
    private readonly dataSource: DataSource,
    private readonly signIns: SignInPipeline,
    private readonly accounts: SignInAccounts,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  async signIn(email: string, password: string, ip: string): Promise<{ token: string; expiresAt: Date }> {
    const { customer } = await this.signIns.withPassword(this.door, { login: email, password, address: ip });
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.options.session.ttlSeconds * 1000);
    const sessions = this.dataSource.getRepository(CustomerSession);
    await sessions.insert({ tokenDigest: digestSessionToken(token), customerUserId: customer.id, csrfToken: randomBytes(32).toString('base64url'), expiresAt });
    await sessions.delete({ expiresAt: LessThan(new Date()) });
    return { token, expiresAt };
  }

  async signOut(token: string): Promise<void> {
    await this.dataSource.getRepository(CustomerSession).delete({ tokenDigest: digestSessionToken(token) });
  }

  /** The session behind a cookie, or undefined when it is unknown, expired or its customer disabled. */
  async resolve(token: string): Promise<StorefrontSession | undefined> {
    const session = await this.dataSource.getRepository(CustomerSession).findOne({
      where: { tokenDigest: digestSessionToken(token) },
      relations: { customerUser: true },
    });
    if (!session?.customerUser?.enabled || session.expiresAt.getTime() <= Date.now()) return undefined;
    return { customer: session.customerUser, csrfToken: session.csrfToken, signedInAt: session.createdAt };
  }
}
