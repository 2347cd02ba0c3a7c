import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { BackOfficePrincipal } from './principal';


export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): BackOfficePrincipal => {
  const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
  if (!principal) throw new UnauthorizedException({ message: 'Authentication required.' });
  return principal;
});
