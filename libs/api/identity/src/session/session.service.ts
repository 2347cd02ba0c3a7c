import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { AuditTrail } from '@keyhouse/api-platform';
import { DataSource, LessThan } from 'typeorm';
import { withMemberships, reachOf } from '../access/user-reach';
import { AdminSession, User } from '../entities';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity-options';
import { PasswordHasher } from '../passwords/password-hasher';
import type { BackOfficePrincipal } from './principal';
import { normalizeLogin } from './sign-in-account';
import { SignInThrottle } from './sign-in-throttle';

export interface SignedIn {
  /** The cookie value; only its digest is stored. */
  token: string;
  principal: BackOfficePrincipal & { session: NonNullable<BackOfficePrincipal['session']> };
  expiresAt: Date;
}

/** One answer for every refused sign-in, so it never tells whether the account exists. */
export const INVALID_CREDENTIALS = 'Invalid username or password.';

@Injectable()
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditTrail,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  async signIn(login: string, password: string, ip: string): Promise<SignedIn> {
    const name = normalizeLogin(login);
    const reservation = await this.throttle.reserve('user', login, ip);

    const user = await this.users()
      .addSelect('user.passwordHash')
      .where('user.username = :name OR user.email = :name', { name })
      .getOne();
    const valid = user ? await this.hasher.verify(password, user.passwordHash) : await this.hasher.verifyDecoy(password);
    if (!user || !valid || !user.enabled) {
      await this.audit.record(
        { action: 'session.sign_in_failed', actorUserId: null, actorName: name.slice(0, 255), target: { type: 'user', id: user?.id ?? null, name: name }, organizationIds: organizationsOf(user) },
        this.dataSource.manager,
      );
      throw new UnauthorizedException({ message: INVALID_CREDENTIALS });
    }
    await this.throttle.succeeded(reservation);
    await this.audit.record(
      { action: 'session.signed_in', actorUserId: user.id, target: { type: 'user', id: user.id, name: user.username }, organizationIds: organizationsOf(user) },
      this.dataSource.manager,
    );

    const token = randomBytes(32).toString('base64url');
    const session = this.dataSource.getRepository(AdminSession).create({
      tokenDigest: digestSessionToken(token),
      userId: user.id,
      csrfToken: randomBytes(32).toString('base64url'),
      expiresAt: new Date(Date.now() + this.options.session.ttlSeconds * 1000),
    });
    const sessions = this.dataSource.getRepository(AdminSession);
    await sessions.insert(session);
    await sessions.delete({ expiresAt: LessThan(new Date()) });
    return {
      token,
      expiresAt: session.expiresAt,
      principal: { ...principalFor(user), session: { tokenDigest: session.tokenDigest, csrfToken: session.csrfToken, signedInAt: session.createdAt } },
    };
  }

  /** The principal behind a session cookie, or undefined when it is unknown, expired or its user disabled. */
  async resolve(token: string): Promise<BackOfficePrincipal | undefined> {
    const session = await this.dataSource.getRepository(AdminSession).findOneBy({ tokenDigest: digestSessionToken(token) });
    if (!session || session.expiresAt.getTime() <= Date.now()) return undefined;
    const user = await this.users().where('user.id = :id', { id: session.userId }).getOne();
    if (!user?.enabled) return undefined;
    return { ...principalFor(user), session: { tokenDigest: session.tokenDigest, csrfToken: session.csrfToken, signedInAt: session.createdAt } };
  }

  /** The principal of an enabled user, for credentials other than the session cookie. */
  async principalForUser(userId: number): Promise<BackOfficePrincipal | undefined> {
    const user = await this.users().where('user.id = :id', { id: userId }).getOne();
    return user?.enabled ? principalFor(user) : undefined;
  }

  /** Ends the session behind a cookie value (the authorization pages' "use another account"). */
  async signOutToken(token: string): Promise<void> {
    await this.signOut(digestSessionToken(token));
  }

  async signOut(tokenDigest: string): Promise<void> {
    await this.dataSource.getRepository(AdminSession).delete({ tokenDigest });
  }

  private users() {
    return withMemberships(this.dataSource.getRepository(User).createQueryBuilder('user'));
  }
}

export function csrfTokenMatches(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whose audit trail a sign-in belongs in: each organization of the user; none for an unknown login, which is the operators' to see. */
function organizationsOf(user: User | null): number[] {
  return user ? user.memberships.map((membership) => membership.organizationId) : [];
}

function principalFor(user: User): BackOfficePrincipal {
  return { userId: user.id, user, reach: reachOf(user) };
}

export function digestSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
