import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Reach } from './access/reach';

/**
 * Who is calling the back-office API, as every library needs to know it: set by the auth guard,
 * so any library can scope its queries and check its rules against the caller's reach.
 */
export interface BackOfficeCaller {
  userId: number;
  reach: Reach;
  /** Set when the caller is an access token: the application acting for the user. */
  application?: { id: number; clientId: string; organizationId: number };
}

declare module 'fastify' {
  interface FastifyRequest {
    caller?: BackOfficeCaller;
  }
}

export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): BackOfficeCaller => {
  const caller = context.switchToHttp().getRequest<FastifyRequest>().caller;
  if (!caller) throw new UnauthorizedException({ message: 'Authentication required.' });
  return caller;
});
