import { ForbiddenException, Inject, Injectable, Optional, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Permission } from '@keyhouse/shared-contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BEARER_AUTHENTICATOR, type BearerAuthenticator } from './bearer-authenticator';
import { OPERATOR_ONLY, PUBLIC_ROUTE, REQUIRED_PERMISSION, setActingApplication } from '@keyhouse/api-platform';
import type { BackOfficePrincipal } from './principal';
import { csrfTokenMatches, SessionService } from './session.service';

export const SESSION_COOKIE = 'keyhouse_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route is back-office only unless marked `@Public()`. Two ways in: the console's session
 * cookie, or a Bearer token of a back-office application (RFC 6750). A cookie-authenticated
 * unsafe request must echo the session's CSRF token in `X-CSRF-Token`: SameSite=Lax alone still
 * lets same-site pages and older browsers through. A Bearer token cannot be sent by a browser on
 * its own, so it needs none; it acts as its user, but only in its organization and its scopes.
 */
@Injectable()
export class BackOfficeAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    @Optional() @Inject(BEARER_AUTHENTICATOR) private readonly bearer?: BearerAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const authorization = request.headers.authorization;
    const principal =
      authorization !== undefined && /^bearer /i.test(authorization)
        ? await this.bearerPrincipal(authorization.slice(7).trim(), context.switchToHttp().getResponse<FastifyReply>())
        : await this.cookiePrincipal(request);
    request.principal = principal;
    request.caller = principal;
    if (principal.application) setActingApplication({ id: principal.application.id, clientId: principal.application.clientId });

    if (this.reflector.getAllAndOverride<boolean>(OPERATOR_ONLY, targets) && !principal.reach.platformOperator) {
      throw new ForbiddenException({ message: 'Only a platform operator can do this.' });
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (permission && !principal.reach.canAnywhere(permission)) {
      throw new ForbiddenException({ message: `You need the "${permission}" permission for this.` });
    }
    return true;
  }

  private async cookiePrincipal(request: FastifyRequest): Promise<BackOfficePrincipal> {
    const token = request.cookies?.[SESSION_COOKIE];
    const principal = token ? await this.sessions.resolve(token) : undefined;
    if (!principal?.session) throw new UnauthorizedException({ message: 'Authentication required.' });
    if (!SAFE_METHODS.has(request.method) && !csrfTokenMatches(request.headers['x-csrf-token'], principal.session.csrfToken)) {
      throw new ForbiddenException({ message: 'Missing or invalid CSRF token (send it in the X-CSRF-Token header).' });
    }
    return principal;
  }

  private async bearerPrincipal(token: string, reply: FastifyReply): Promise<BackOfficePrincipal> {
    const access = token && this.bearer ? await this.bearer.backOfficeAccess(token) : undefined;
    const principal = access === undefined ? undefined : await this.sessions.principalForUser(access.userId);
    if (!access || !principal) {
      reply.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new UnauthorizedException({ message: 'The access token is invalid, expired or revoked.' });
    }
    return {
      ...principal,
      reach: principal.reach.within(access.organizationId, access.allowed),
      application: { ...access.application, organizationId: access.organizationId },
    };
  }
}
