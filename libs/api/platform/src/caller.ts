import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * Who is calling the back-office API, as far as libraries other than identity need to know:
 * set by the auth guard, so any library can scope its queries to the caller's organizations.
 */
export interface BackOfficeCaller {
  userId: number;
  organizationIds: number[];
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
