import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { withMemberships, reachOf } from '../access/user-reach';
import { AdminSession, User } from '../entities';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity-options';
import type { BackOfficePrincipal } from './principal';
import { SignInAccounts, type BackOfficeAccount } from './sign-in-accounts';
import { SignInPipeline, type SignInDoor } from './sign-in-pipeline';

export interface SignedIn {
  /** The cookie value; only its digest is stored. */
  token: string;
  principal: BackOfficePrincipal & { session: NonNullable<BackOfficePrincipal['session']> };
  expiresAt: Date;
}

@Injectable()
export class SessionService {
  /** The console's sign-in: back-office users, by username or email. */
  private readonly door: SignInDoor<BackOfficeAccount> = { kind: 'user', audit: 'session', find: (login) => this.accounts.user(login) };

  constructor(
    private readonly dataSource: DataSource,
    private readonly signIns: SignInPipeline,
    private readonly accounts: SignInAccounts,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  async signIn(login: string, password: string, ip: string): Promise<SignedIn> {
    const { user } = await this.signIns.withPassword(this.door, { login, password, address: ip });
    return this.open(user);
  }

  /** A new console session for a user who just signed in, whichever way. */
  async open(user: User): Promise<SignedIn> {
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

function principalFor(user: User): BackOfficePrincipal {
  return { userId: user.id, user, reach: reachOf(user) };
}

export function digestSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
