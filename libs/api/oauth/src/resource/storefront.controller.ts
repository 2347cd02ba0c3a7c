import { Controller, Get, Req, Res, UnauthorizedException } from '@nestjs/common';
import type { CustomerUserDto } from '@keyhouse/shared-contracts';
import { CustomerUser, toCustomerUserDto } from '@keyhouse/api-identity';
import { Public } from '@keyhouse/api-platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { BearerTokens } from './bearer-tokens';

/** The storefront API: customer users, through Bearer tokens of storefront applications only. */
@Public()
@Controller('api')
export class StorefrontController {
  constructor(
    private readonly bearerTokens: BearerTokens,
    private readonly dataSource: DataSource,
  ) {}

  @Get('me')
  async me(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CustomerUserDto> {
    const authorization = request.headers.authorization ?? '';
    const customerId = /^bearer /i.test(authorization) ? await this.bearerTokens.storefrontCustomerId(authorization.slice(7).trim()) : undefined;
    const customer = customerId === undefined ? null : await this.dataSource.getRepository(CustomerUser).findOneBy({ id: customerId });
    if (!customer) {
      // RFC 6750 3.1: no token at all gets a bare challenge; a refused one says why.
      reply.header('WWW-Authenticate', authorization ? 'Bearer error="invalid_token"' : 'Bearer realm="keyhouse"');
      throw new UnauthorizedException({ message: 'A valid storefront access token is required.' });
    }
    return toCustomerUserDto(customer);
  }
}
