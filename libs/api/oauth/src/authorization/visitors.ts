import { Injectable } from '@nestjs/common';
import { csrfTokenMatches, Organization, SESSION_COOKIE, SessionService, STOREFRONT_SESSION_COOKIE, StorefrontSessionService } from '@keyhouse/api-identity';
import { DataSource } from 'typeorm';
import type { Consenter } from '../installations/installations';

/** The person in front of the authorization pages, signed in on the side the application serves. */
export interface Visitor {
  consenter: Consenter;
  /** How the consent page names them. */
  label: string;
  /** Where they may install an application: a user's organizations, or a customer's one. */
  organizations: Array<{ id: number; name: string }>;
  csrfToken: string;
  /** When they signed in: OpenID Connect's `auth_time`, which `max_age` is measured from. */
  authTime: Date;
}

export type Cookies = Record<string, string | undefined>;

/**
 * Back-office users are recognised by the console's session cookie (one sign-in for both),
 * customer users by the storefront session cookie.
 */
@Injectable()
export class Visitors {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consoleSessions: SessionService,
    private readonly storefrontSessions: StorefrontSessionService,
  ) {}

  async resolve(cookies: Cookies, storefront: boolean): Promise<Visitor | undefined> {
    return storefront ? this.customer(cookies[STOREFRONT_SESSION_COOKIE]) : this.user(cookies[SESSION_COOKIE]);
  }

  /** Ends the visitor's session on that side, if the CSRF token is theirs; answers the cookie to clear. */
  async signOut(cookies: Cookies, storefront: boolean, csrfToken: unknown): Promise<string | undefined> {
    const visitor = await this.resolve(cookies, storefront);
    if (!visitor || !csrfTokenMatches(csrfToken, visitor.csrfToken)) return undefined;
    const cookie = storefront ? STOREFRONT_SESSION_COOKIE : SESSION_COOKIE;
    const token = cookies[cookie] ?? '';
    if (storefront) await this.storefrontSessions.signOut(token);
    else await this.consoleSessions.signOutToken(token);
    return cookie;
  }

  private async user(token: string | undefined): Promise<Visitor | undefined> {
    const principal = token ? await this.consoleSessions.resolve(token) : undefined;
    if (!principal?.session) return undefined;
    const { user } = principal;
    const fullName = `${user.firstName} ${user.lastName}`.trim();
    return {
      consenter: { type: 'user', id: user.id },
      label: fullName ? `${fullName} (${user.email})` : user.username,
      organizations: user.memberships
        .map(({ organizationId, organization }) => ({ id: organizationId, name: organization?.name ?? '' }))
        .sort((a, b) => a.id - b.id),
      csrfToken: principal.session.csrfToken,
      authTime: principal.session.signedInAt,
    };
  }

  private async customer(token: string | undefined): Promise<Visitor | undefined> {
    const session = token ? await this.storefrontSessions.resolve(token) : undefined;
    if (!session) return undefined;
    const { customer } = session;
    const organization = await this.dataSource.getRepository(Organization).findOneBy({ id: customer.organizationId });
    const fullName = `${customer.firstName} ${customer.lastName}`.trim();
    return {
      consenter: { type: 'customer', id: customer.id, name: customer.email },
      label: fullName ? `${fullName} (${customer.email})` : customer.email,
      organizations: organization ? [{ id: organization.id, name: organization.name }] : [],
      csrfToken: session.csrfToken,
      authTime: session.signedInAt,
    };
  }
}
