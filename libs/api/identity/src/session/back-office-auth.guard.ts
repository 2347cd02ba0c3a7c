import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Permission } from '@keyhouse/shared-contracts';
import type { FastifyRequest } from 'fastify';
import { PUBLIC_ROUTE } from '@keyhouse/api-platform';
import { REQUIRED_PERMISSION } from './decorators';
import { csrfTokenMatches, SessionService } from './session.service';

export const SESSION_COOKIE = 'keyhouse_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route is back-office only unless marked `@Public()`. A cookie-authenticated unsafe
 * request must echo the session's CSRF token in `X-CSRF-Token`: SameSite=Lax alone still lets
 * same-site pages and older browsers through.
 */
@Injectable()
export class BackOfficeAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = request.cookies?.[SESSION_COOKIE];
    const principal = token ? await this.sessions.resolve(token) : undefined;
    if (!principal?.session) throw new UnauthorizedException({ message: 'Authentication required.' });
    if (!SAFE_METHODS.has(request.method) && !csrfTokenMatches(request.headers['x-csrf-token'], principal.session.csrfToken)) {
      throw new ForbiddenException({ message: 'Missing or invalid CSRF token (send it in the X-CSRF-Token header).' });
    }
    request.principal = principal;

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (permission && !principal.permissions.has(permission)) {
      throw new ForbiddenException({ message: `You need the "${permission}" permission for this.` });
    }
    return true;
  }
}
