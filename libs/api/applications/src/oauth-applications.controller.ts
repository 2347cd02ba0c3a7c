import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { ClientCredentialsDto, CreatedOAuthApplicationDto, OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { CurrentPrincipal, type BackOfficePrincipal } from '@keyhouse/api-identity';
import { IdPipe, RequirePermission } from '@keyhouse/api-platform';
import { pageHeaders, type ListParams } from '@keyhouse/api-persistence';
import type { FastifyReply } from 'fastify';
import { NO_STORE } from './http-headers';
import { OAuthApplicationsService } from './oauth-applications.service';

@Controller('admin/api/oauth-applications')
export class OAuthApplicationsController {
  constructor(private readonly applications: OAuthApplicationsService) {}

  @Get()
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
  get(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<OAuthApplicationDto> {
    return this.applications.get(principal, id);
  }

  @Post()
  @RequirePermission('oauth_applications.create')
  async create(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedOAuthApplicationDto> {
    const { application, clientSecret } = await this.applications.create(principal, body);
    reply.headers(NO_STORE);
    return { ...application, clientSecret };
  }

  @Put(':id')
  @RequirePermission('oauth_applications.edit')
  update(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number, @Body() body: unknown): Promise<OAuthApplicationDto> {
    return this.applications.update(principal, id, body);
  }

  @Delete(':id')
  @RequirePermission('oauth_applications.delete')
  remove(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<OAuthApplicationDto> {
    return this.applications.delete(principal, id);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @RequirePermission('oauth_applications.edit')
  activate(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<OAuthApplicationDto> {
    return this.applications.setActive(principal, id, true);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('oauth_applications.edit')
  deactivate(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<OAuthApplicationDto> {
    return this.applications.setActive(principal, id, false);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @RequirePermission('oauth_applications.edit')
  unlock(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<OAuthApplicationDto> {
    return this.applications.unlock(principal, id);
  }

  @Post(':id/secret')
  @HttpCode(200)
  @RequirePermission('oauth_applications.edit')
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
