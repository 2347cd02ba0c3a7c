import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AuditTrail, type AuditEntry } from '@keyhouse/api-platform';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../passwords/password-hasher';
import { normalizeLogin, type AccountKind } from './sign-in-account';
import type { SignInAccount } from './sign-in-accounts';
import { SignInThrottle } from './sign-in-throttle';

/** One answer for every refused sign-in, so it never tells whether the account exists. */
export const INVALID_CREDENTIALS = 'Invalid username or password.';

export class InvalidCredentialsException extends UnauthorizedException {
  constructor() {
    super({ message: INVALID_CREDENTIALS });
  }
}

/**
 * A way in (the console, the storefront's sign-in page, the password grant, single sign-on):
 * which accounts it signs in and how its attempts read in the audit trail.
 */
export interface SignInDoor<A extends SignInAccount> {
  kind: AccountKind;
  /** The prefix of its audit actions: `<audit>.signed_in`, `<audit>.sign_in_failed`. */
  audit: string;
  /** The account a normalized login names, or null. */
  find(login: string): Promise<A | null>;
  /** Recorded with each attempt (the application a password grant came through, its client's address). */
  context?: Pick<AuditEntry, 'after' | 'ip' | 'application'>;
}

export interface PasswordAttempt {
  login: string;
  password: string;
  /** The client's address (TRUST_PROXY's): the account's count is kept per address. */
  address: string;
  /** The throttle's origin count when narrower than the address: an application's client ID and the address. */
  origin?: string;
}

/** Named in the audit trail when a sign-in failed before anyone was named (a provider's refusal). */
const UNIDENTIFIED = 'unidentified';

/** Every door's sign-in, one implementation: each door only says which accounts it is for. */
@Injectable()
export class SignInPipeline {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Normalize the login; take a place in the throttle before any password is hashed; load the
   * account and its digest; verify, or run the decoy so that an unknown login costs the same;
   * then either record the failure (its reservation stays in the count) or reset the account's
   * count at this address. A disabled account is refused only after the same work, with the same answer.
   */
  async withPassword<A extends SignInAccount>(door: SignInDoor<A>, { login, password, address, origin = address }: PasswordAttempt): Promise<A> {
    const name = normalizeLogin(login);
    const reservation = await this.throttle.reserve(door.kind, login, address, origin);
    const account = await door.find(name);
    const valid = account ? await this.hasher.verify(password, account.passwordHash) : await this.hasher.verifyDecoy(password);
    if (!account || !valid || !account.enabled) {
      await this.record(door, 'sign_in_failed', name, account);
      throw new InvalidCredentialsException();
    }
    await this.throttle.succeeded(reservation);
    await this.record(door, 'signed_in', name, account);
    return account;
  }

  /**
   * A login a single sign-on provider vouched for: the provider's step stands for the throttle
   * and the password, and from the account on it is a sign-in like the others.
   */
  async vouchedFor<A extends SignInAccount>(door: SignInDoor<A>, login: string, address: string): Promise<A> {
    const name = normalizeLogin(login);
    const account = await door.find(name);
    if (!account?.enabled) {
      await this.record(door, 'sign_in_failed', name, account, account ? 'disabled' : 'no_account');
      throw new InvalidCredentialsException();
    }
    await this.throttle.reset(door.kind, account.id, address);
    await this.record(door, 'signed_in', name, account);
    return account;
  }

  /** A sign-in that failed before an account could be looked for: `reason` says why. */
  refused(door: SignInDoor<SignInAccount>, reason: string, login?: string): Promise<void> {
    return this.record(door, 'sign_in_failed', login ? normalizeLogin(login) : UNIDENTIFIED, null, reason);
  }

  /**
   * Audited in the trail of each of the account's organizations (an unknown login's: the
   * operators' only). A user who signed in is the actor; anyone else is named by the login typed.
   */
  private record(door: SignInDoor<SignInAccount>, outcome: 'signed_in' | 'sign_in_failed', login: string, account: SignInAccount | null, reason?: string): Promise<void> {
    const name = login.slice(0, 255);
    const actorUserId = outcome === 'signed_in' && door.kind === 'user' && account ? account.id : null;
    const after = { ...door.context?.after, ...(reason ? { reason } : {}) };
    return this.audit.record(
      {
        action: `${door.audit}.${outcome}`,
        actorUserId,
        ...(actorUserId === null ? { actorName: name } : {}),
        target: { type: door.kind === 'user' ? 'user' : 'customer_user', id: account?.id ?? null, name: account?.name ?? name },
        organizationIds: account?.organizationIds ?? [],
        ...door.context,
        ...(Object.keys(after).length ? { after } : {}),
      },
      this.dataSource.manager,
    );
  }
}
