import { Controller, Get, Param, ParseIntPipe, Query, Res } from '@nestjs/common';
import type { UserDto } from '@keyhouse/shared-contracts';
import { pageHeaders, type ListParams } from '@keyhouse/api-persistence';
import type { FastifyReply } from 'fastify';
import { toUserDto } from '../dto';
import { RequirePermission } from '@keyhouse/api-platform';
import { CurrentPrincipal } from '../session/decorators';
import type { BackOfficePrincipal } from '../session/principal';
import { UsersService } from './users.service';

@Controller('admin/api/users')
@RequirePermission('users.view')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Query() params: ListParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<UserDto[]> {
    const page = await this.users.list(principal, params);
    reply.headers(pageHeaders(page));
    return page.items.map(toUserDto);
  }

  @Get(':id')
  async get(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', ParseIntPipe) id: number): Promise<UserDto> {
    return toUserDto(await this.users.get(principal, id));
  }
}
