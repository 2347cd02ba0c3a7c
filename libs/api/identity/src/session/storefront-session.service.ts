import { randomBytes } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { AuditTrail } from '@keyhouse/api-platform';
import { DataSource, LessThan } from 'typeorm';
import { CustomerSession, CustomerUser } from '../entities';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity-options';
import { PasswordHasher } from '../passwords/password-hasher';
import { digestSessionToken, INVALID_CREDENTIALS } from './session.service';
import { normalizeLogin } from './sign-in-account';
import { SignInThrottle } from './sign-in-throttle';

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
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditTrail,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  async signIn(email: string, password: string, ip: string): Promise<{ token: string; expiresAt: Date }> {
    // The same counter as the storefront password grant: one account, one budget.
    const reservation = await this.throttle.reserve('customer', email, ip);
    const customer = await this.dataSource
      .getRepository(CustomerUser)
      .createQueryBuilder('customer')
      .addSelect('customer.passwordHash')
      .where('customer.email = :email', { email: normalizeLogin(email) })
      .getOne();
    const valid = customer ? await this.hasher.verify(password, customer.passwordHash) : await this.hasher.verifyDecoy(password);
    if (!customer || !valid || !customer.enabled) {
      await this.recordSignIn('storefront_session.sign_in_failed', customer, email);
      throw new UnauthorizedException({ message: INVALID_CREDENTIALS });
    }
    await this.throttle.succeeded(reservation);
    await this.recordSignIn('storefront_session.signed_in', customer, email);

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.options.session.ttlSeconds * 1000);
    const sessions = this.dataSource.getRepository(CustomerSession);
    await sessions.insert({ tokenDigest: digestSessionToken(token), customerUserId: customer.id, csrfToken: randomBytes(32).toString('base64url'), expiresAt });
    await sessions.delete({ expiresAt: LessThan(new Date()) });
    return { token, expiresAt };
  }

  private recordSignIn(action: string, customer: CustomerUser | null, login: string): Promise<void> {
    const name = customer?.email ?? login.trim().toLowerCase().slice(0, 255);
    return this.audit.record(
      { action, actorUserId: null, actorName: name, target: { type: 'customer_user', id: customer?.id ?? null, name }, organizationId: customer?.organizationId ?? null },
      this.dataSource.manager,
    );
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
