import { createParamDecorator, SetMetadata, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { Permission } from '@keyhouse/shared-contracts';
import type { FastifyRequest } from 'fastify';
import type { BackOfficePrincipal } from './principal';

export const REQUIRED_PERMISSION = 'keyhouse:permission';

export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): BackOfficePrincipal => {
  const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
  if (!principal) throw new UnauthorizedException({ message: 'Authentication required.' });
  return principal;
});
