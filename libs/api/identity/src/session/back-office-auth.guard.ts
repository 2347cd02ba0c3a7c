import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Permission } from '@keyhouse/shared-contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, bearerTokenOf, challengeOf, OPERATOR_ONLY, PUBLIC_ROUTE, REQUIRED_PERMISSION, setActingApplication } from '@keyhouse/api-platform';
import { BackOfficeBearerStrategy } from './back-office-bearer.strategy';
import { ConsoleSessionStrategy } from './console-session.strategy';
import type { BackOfficePrincipal } from './principal';

/**
 * Every route is back-office only unless marked `@Public()`. Two ways in, each a Passport
 * strategy: a request that sends a Bearer token is judged by the token alone (never by a cookie
 * that came with it), any other by the console's session cookie. Then the route's own rule:
 * operators only, or a permission held somewhere.
 */
@Injectable()
export class BackOfficeAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly session: ConsoleSessionStrategy,
    private readonly bearer: BackOfficeBearerStrategy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal =
      bearerTokenOf(request) === undefined
        ? await this.cookiePrincipal(request)
        : await this.bearerPrincipal(request, context.switchToHttp().getResponse<FastifyReply>());
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
    const outcome = await authenticate<BackOfficePrincipal>(this.session, request);
    if (outcome.kind !== 'success') throw new UnauthorizedException({ message: 'Authentication required.' });
    return outcome.user;
  }

  private async bearerPrincipal(request: FastifyRequest, reply: FastifyReply): Promise<BackOfficePrincipal> {
    const outcome = await authenticate<BackOfficePrincipal>(this.bearer, request);
    if (outcome.kind !== 'success') {
      reply.header('WWW-Authenticate', challengeOf(outcome));
      throw new UnauthorizedException({ message: 'The access token is invalid, expired or revoked.' });
    }
    return outcome.user;
  }
}
