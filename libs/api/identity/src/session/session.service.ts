import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Permission } from '@keyhouse/shared-contracts';
import { DataSource, LessThan } from 'typeorm';
import { AdminSession, User } from '../entities';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity-options';
import { PasswordHasher } from '../passwords/password-hasher';
import type { BackOfficePrincipal } from './principal';
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
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  async signIn(login: string, password: string, ip: string): Promise<SignedIn> {
    const name = login.trim().toLowerCase();
    await this.throttle.assertAllowed(name, ip);

    const user = await this.users()
      .addSelect('user.passwordHash')
      .where('user.username = :name OR user.email = :name', { name })
      .getOne();
    const valid = user ? await this.hasher.verify(password, user.passwordHash) : await this.hasher.verifyDecoy(password);
    if (!user || !valid || !user.enabled) {
      await this.throttle.recordFailure(name, ip);
      throw new UnauthorizedException({ message: INVALID_CREDENTIALS });
    }
    await this.throttle.reset(name);

    const token = randomBytes(32).toString('base64url');
    const session = this.dataSource.getRepository(AdminSession).create({
      tokenDigest: digest(token),
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
      principal: { ...principalFor(user), session: { tokenDigest: session.tokenDigest, csrfToken: session.csrfToken } },
    };
  }

  /** The principal behind a session cookie, or undefined when it is unknown, expired or its user disabled. */
  async resolve(token: string): Promise<BackOfficePrincipal | undefined> {
    const session = await this.dataSource.getRepository(AdminSession).findOneBy({ tokenDigest: digest(token) });
    if (!session || session.expiresAt.getTime() <= Date.now()) return undefined;
    const user = await this.users().where('user.id = :id', { id: session.userId }).getOne();
    if (!user?.enabled) return undefined;
    return { ...principalFor(user), session: { tokenDigest: session.tokenDigest, csrfToken: session.csrfToken } };
  }

  /** The principal of an enabled user, for credentials other than the session cookie. */
  async principalForUser(userId: number): Promise<BackOfficePrincipal | undefined> {
    const user = await this.users().where('user.id = :id', { id: userId }).getOne();
    return user?.enabled ? principalFor(user) : undefined;
  }

  async signOut(tokenDigest: string): Promise<void> {
    await this.dataSource.getRepository(AdminSession).delete({ tokenDigest });
  }

  private users() {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.organizations', 'organization')
      .leftJoinAndSelect('user.roles', 'role');
  }
}

export function csrfTokenMatches(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function principalFor(user: User): BackOfficePrincipal {
  const permissions = new Set<Permission>(user.roles.flatMap((role) => role.permissions));
  return { user, permissions, organizationIds: user.organizations.map((o) => o.id) };
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
