import { createParamDecorator, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { CustomerUser } from '@keyhouse/api-identity';
import { authenticate, BearerTokenStrategy, challengeOf } from '@keyhouse/api-platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StorefrontService } from './storefront.service';

declare module 'fastify' {
  interface FastifyRequest {
    /** The customer user a storefront request acts for, set by StorefrontAuthGuard. */
    customer?: CustomerUser;
  }
}

/** A Bearer token of a storefront application (RFC 6750): a customer user's, never a back-office user's. */
@Injectable()
export class StorefrontBearerStrategy extends PassportStrategy(BearerTokenStrategy, 'storefront-bearer') {
  constructor(private readonly storefront: StorefrontService) {
    super();
  }

  validate(token: string): Promise<CustomerUser | null> {
    return this.storefront.customerFor(token);
  }
}

/** The storefront API's only way in: a storefront access token, refused with its RFC 6750 challenge. */
@Injectable()
export class StorefrontAuthGuard implements CanActivate {
  constructor(private readonly bearer: StorefrontBearerStrategy) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const outcome = await authenticate<CustomerUser>(this.bearer, request);
    if (outcome.kind !== 'success') {
      context.switchToHttp().getResponse<FastifyReply>().header('WWW-Authenticate', challengeOf(outcome));
      throw new UnauthorizedException({ message: 'A valid storefront access token is required.' });
    }
    request.customer = outcome.user;
    return true;
  }
}

export const CurrentCustomer = createParamDecorator((_: unknown, context: ExecutionContext): CustomerUser => {
  const customer = context.switchToHttp().getRequest<FastifyRequest>().customer;
  if (!customer) throw new UnauthorizedException({ message: 'A valid storefront access token is required.' });
  return customer;
});
