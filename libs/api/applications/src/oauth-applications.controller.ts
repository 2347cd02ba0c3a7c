import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse } from '@nestjs/swagger';
import type { ClientCredentialsDto, CreatedOAuthApplicationDto, OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { CurrentPrincipal, type BackOfficePrincipal } from '@keyhouse/api-identity';
import { IdPipe, RequirePermission } from '@keyhouse/api-platform';
import { pageHeaders, type ListParams } from '@keyhouse/api-persistence';
import type { FastifyReply } from 'fastify';
import { ClientCredentialsAnswer, CreatedOAuthApplicationAnswer, OAuthApplicationAnswer } from './answers';
import { CreateApplicationBody, UpdateApplicationBody } from './application.body';
import { NO_STORE } from './http-headers';
import { OAuthApplicationsService } from './oauth-applications.service';

@Controller('admin/api/oauth-applications')
export class OAuthApplicationsController {
  constructor(private readonly applications: OAuthApplicationsService) {}

  @Get()
  @ApiOkResponse({ type: [OAuthApplicationAnswer] })
  @ApiForbiddenResponse({ description: 'Without `oauth_applications.view` anywhere, only the applications acting as the caller may be listed.' })
  async list(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Query() params: ListParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OAuthApplicationDto[]> {
    const page = await this.applications.list(principal, params);
    reply.headers(pageHeaders(page));
    return this.applications.toDtos(page.items);
  }

  @Get(':id')
  @ApiOkResponse({ type: OAuthApplicationAnswer })
  @ApiForbiddenResponse({ description: "An application of the caller's organization that they may not view." })
  get(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<OAuthApplicationDto> {
    return this.applications.get(principal, id);
  }

  @Post()
  @RequirePermission('oauth_applications.create')
  @ApiCreatedResponse({ type: CreatedOAuthApplicationAnswer })
  async create(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Body() body: CreateApplicationBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedOAuthApplicationDto> {
    const { application, clientSecret } = await this.applications.create(principal, body);
    reply.headers(NO_STORE);
    return { ...application, clientSecret };
  }

  @Put(':id')
  @RequirePermission('oauth_applications.edit')
  @ApiOkResponse({ type: OAuthApplicationAnswer })
  update(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Param('id', IdPipe) id: number,
    @Body() body: UpdateApplicationBody,
  ): Promise<OAuthApplicationDto> {
    return this.applications.update(principal, id, body);
  }

  @Delete(':id')
  @RequirePermission('oauth_applications.delete')
  @ApiOkResponse({ type: OAuthApplicationAnswer, description: 'The application as it was.' })
  remove(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<OAuthApplicationDto> {
    return this.applications.delete(principal, id);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @RequirePermission('oauth_applications.edit')
  @ApiOkResponse({ type: OAuthApplicationAnswer })
  activate(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<OAuthApplicationDto> {
    return this.applications.setActive(principal, id, true);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('oauth_applications.edit')
  @ApiOkResponse({ type: OAuthApplicationAnswer })
  deactivate(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<OAuthApplicationDto> {
    return this.applications.setActive(principal, id, false);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @RequirePermission('oauth_applications.edit')
  @ApiOkResponse({ type: OAuthApplicationAnswer })
  unlock(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<OAuthApplicationDto> {
    return this.applications.unlock(principal, id);
  }

  @Post(':id/secret')
  @HttpCode(200)
  @RequirePermission('oauth_applications.edit')
  @ApiOkResponse({ type: ClientCredentialsAnswer })
  async regenerateSecret(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Param('id', IdPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClientCredentialsDto> {
    const credentials = await this.applications.regenerateSecret(principal, id);
    reply.headers(NO_STORE);
    return credentials;
  }
}
