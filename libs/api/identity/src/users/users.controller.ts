import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { UserDto } from '@keyhouse/shared-contracts';
import { pageHeaders, type ListParams } from '@keyhouse/api-persistence';
import { IdPipe, RequirePermission } from '@keyhouse/api-platform';
import type { FastifyReply } from 'fastify';
import { UserAnswer } from '../answers';
import { toUserDto } from '../dto';
import { CurrentPrincipal } from '../session/decorators';
import type { BackOfficePrincipal } from '../session/principal';
import { UserAccountsService } from './user-accounts.service';
import { CreateUserBody, UpdateUserBody } from './user-bodies';
import { UsersService } from './users.service';

@Controller('admin/api/users')
@RequirePermission('users.view')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: UserAccountsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [UserAnswer] })
  async list(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Query() params: ListParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto[]> {
    const page = await this.users.list(principal, params);
    reply.headers(pageHeaders(page));
    return page.items.map((user) => this.dto(principal, user));
  }

  @Post()
  @RequirePermission('users.create')
  @ApiCreatedResponse({ type: UserAnswer })
  async create(@CurrentPrincipal() principal: BackOfficePrincipal, @Body() body: CreateUserBody): Promise<UserDto> {
    const { id } = await this.accounts.createFor(principal, body);
    return this.dto(principal, await this.users.get(principal, id));
  }

  @Put(':id')
  @RequirePermission('users.edit')
  @ApiOkResponse({ type: UserAnswer })
  async update(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number, @Body() body: UpdateUserBody): Promise<UserDto> {
    await this.accounts.updateFor(principal, id, body);
    return this.dto(principal, await this.users.get(principal, id));
  }

  @Get(':id')
  @ApiOkResponse({ type: UserAnswer })
  async get(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<UserDto> {
    return this.dto(principal, await this.users.get(principal, id));
  }

  private dto(principal: BackOfficePrincipal, user: Parameters<typeof toUserDto>[0]): UserDto {
    return toUserDto(user, principal.reach.organizationsWith('users.view'));
  }
}
