import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { OrganizationDto } from '@keyhouse/shared-contracts';
import { pageHeaders, type ListParams } from '@keyhouse/api-persistence';
import type { FastifyReply } from 'fastify';
import { OrganizationAnswer } from '../answers';
import { toOrganizationDto } from '../dto';
import { IdPipe, PlatformOperatorOnly, RequirePermission } from '@keyhouse/api-platform';
import { CurrentPrincipal } from '../session/decorators';
import type { BackOfficePrincipal } from '../session/principal';
import { CreateOrganizationBody } from './organization-bodies';
import { OrganizationsService } from './organizations.service';

@Controller('admin/api/organizations')
@RequirePermission('organizations.view')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @ApiOkResponse({ type: [OrganizationAnswer] })
  async list(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Query() params: ListParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OrganizationDto[]> {
    const page = await this.organizations.list(principal, params);
    reply.headers(pageHeaders(page));
    return page.items.map(toOrganizationDto);
  }

  @Post()
  @PlatformOperatorOnly()
  @ApiCreatedResponse({ type: OrganizationAnswer })
  async create(@CurrentPrincipal() principal: BackOfficePrincipal, @Body() body: CreateOrganizationBody): Promise<OrganizationDto> {
    return toOrganizationDto(await this.organizations.create(principal, body));
  }

  @Get(':id')
  @ApiOkResponse({ type: OrganizationAnswer })
  async get(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<OrganizationDto> {
    return toOrganizationDto(await this.organizations.get(principal, id));
  }
}
