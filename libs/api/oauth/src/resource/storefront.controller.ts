import { Controller, Get, UseGuards } from '@nestjs/common';
import type { CustomerUserDto } from '@keyhouse/shared-contracts';
import { toCustomerUserDto, type CustomerUser } from '@keyhouse/api-identity';
import { Public } from '@keyhouse/api-platform';
import { CurrentCustomer, StorefrontAuthGuard } from './storefront-auth.guard';

/** The storefront API: customer users, through Bearer tokens of storefront applications only. */
// Out of the back-office authentication, into the storefront's own.
@Public()
@UseGuards(StorefrontAuthGuard)
@Controller('api')
export class StorefrontController {
  @Get('me')
  me(@CurrentCustomer() customer: CustomerUser): CustomerUserDto {
    return toCustomerUserDto(customer);
  }
}
