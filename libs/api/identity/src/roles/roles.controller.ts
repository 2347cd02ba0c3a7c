import { Body, Controller, ForbiddenException, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse } from '@nestjs/swagger';
import type { RoleDto } from '@keyhouse/shared-contracts';
import { pageHeaders, type ListParams } from '@keyhouse/api-persistence';
import { IdPipe, Caller, RequirePermission, type BackOfficeCaller } from '@keyhouse/api-platform';
import type { FastifyReply } from 'fastify';
import { RoleAnswer } from '../answers';
import { toRoleDto } from '../dto';
import { CreateRoleBody, UpdateRoleBody } from './role-bodies';
import { RolesService } from './roles.service';

const MAY_NOT_LIST_ROLES = 'Needs `roles.view`, `users.create` or `users.edit`.';

/**
 * System > User Management > Roles. Listing is open to whoever may view roles or give them
 * (creating and editing users needs the roles to choose from).
 */
@Controller('admin/api/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @ApiOkResponse({ type: [RoleAnswer] })
  @ApiForbiddenResponse({ description: MAY_NOT_LIST_ROLES })
  async list(@Caller() caller: BackOfficeCaller, @Query() params: ListParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<RoleDto[]> {
    assertMayListRoles(caller);
    const page = await this.roles.list(caller, params);
    reply.headers(pageHeaders(page));
    return page.items.map(toRoleDto);
  }

  @Get(':id')
  @ApiOkResponse({ type: RoleAnswer })
  @ApiForbiddenResponse({ description: MAY_NOT_LIST_ROLES })
  async get(@Caller() caller: BackOfficeCaller, @Param('id', IdPipe) id: number): Promise<RoleDto> {
    assertMayListRoles(caller);
    return toRoleDto(await this.roles.get(caller, id));
  }

  @Post()
  @RequirePermission('roles.create')
  @ApiCreatedResponse({ type: RoleAnswer })
  async create(@Caller() caller: BackOfficeCaller, @Body() body: CreateRoleBody): Promise<RoleDto> {
    return toRoleDto(await this.roles.create(caller, body));
  }

  @Put(':id')
  @RequirePermission('roles.edit')
  @ApiOkResponse({ type: RoleAnswer })
  async update(@Caller() caller: BackOfficeCaller, @Param('id', IdPipe) id: number, @Body() body: UpdateRoleBody): Promise<RoleDto> {
    return toRoleDto(await this.roles.update(caller, id, body));
  }
}

function assertMayListRoles({ reach }: BackOfficeCaller): void {
  if (!(['roles.view', 'users.create', 'users.edit'] as const).some((permission) => reach.canAnywhere(permission))) {
    throw new ForbiddenException({ message: 'You need the "roles.view" permission for this.' });
  }
}
