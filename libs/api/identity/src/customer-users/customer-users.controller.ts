import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { CustomerUserDto } from '@keyhouse/shared-contracts';
import { pageHeaders, type ListParams } from '@keyhouse/api-persistence';
import type { FastifyReply } from 'fastify';
import { CustomerUserAnswer } from '../answers';
import { toCustomerUserDto } from '../dto';
import { IdPipe, RequirePermission } from '@keyhouse/api-platform';
import { CurrentPrincipal } from '../session/decorators';
import type { BackOfficePrincipal } from '../session/principal';
import { CreateCustomerUserBody, UpdateCustomerUserBody } from './customer-user-bodies';
import { CustomerUsersService } from './customer-users.service';

@Controller('admin/api/customer-users')
@RequirePermission('customer_users.view')
export class CustomerUsersController {
  constructor(private readonly customers: CustomerUsersService) {}

  @Get()
  @ApiOkResponse({ type: [CustomerUserAnswer] })
  async list(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Query() params: ListParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerUserDto[]> {
    const page = await this.customers.list(principal, params);
    reply.headers(pageHeaders(page));
    return page.items.map(toCustomerUserDto);
  }

  @Post()
  @RequirePermission('customer_users.create')
  @ApiCreatedResponse({ type: CustomerUserAnswer })
  async create(@CurrentPrincipal() principal: BackOfficePrincipal, @Body() body: CreateCustomerUserBody): Promise<CustomerUserDto> {
    return toCustomerUserDto(await this.customers.create(principal, body));
  }

  @Put(':id')
  @RequirePermission('customer_users.edit')
  @ApiOkResponse({ type: CustomerUserAnswer })
  async update(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number, @Body() body: UpdateCustomerUserBody): Promise<CustomerUserDto> {
    return toCustomerUserDto(await this.customers.update(principal, id, body));
  }

  @Get(':id')
  @ApiOkResponse({ type: CustomerUserAnswer })
  async get(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<CustomerUserDto> {
    return toCustomerUserDto(await this.customers.get(principal, id));
  }
}
