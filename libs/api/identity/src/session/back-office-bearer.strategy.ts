import { Inject, Injectable, Optional } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { BearerTokenStrategy } from '@keyhouse/api-platform';
import { BEARER_AUTHENTICATOR, type BearerAuthenticator } from './bearer-authenticator';
import type { BackOfficePrincipal } from './principal';
import { SessionService } from './session.service';

/**
 * A Bearer token of a back-office application (RFC 6750). It acts as its user, but only in its
 * organization and within its scopes. A browser never sends one on its own, so it needs no CSRF
 * token.
 */
@Injectable()
export class BackOfficeBearerStrategy extends PassportStrategy(BearerTokenStrategy, 'back-office-bearer') {
  constructor(
    private readonly sessions: SessionService,
    // Absent where no protocol is mounted: then no token is accepted.
    @Optional() @Inject(BEARER_AUTHENTICATOR) private readonly tokens?: BearerAuthenticator,
  ) {
    super();
  }

  async validate(token: string): Promise<BackOfficePrincipal | null> {
    const access = this.tokens ? await this.tokens.backOfficeAccess(token) : undefined;
    const principal = access && (await this.sessions.principalForUser(access.userId));
    if (!access || !principal) return null;
    return {
      ...principal,
      reach: principal.reach.within(access.organizationId, access.allowed),
      application: { ...access.application, organizationId: access.organizationId },
    };
  }
}
