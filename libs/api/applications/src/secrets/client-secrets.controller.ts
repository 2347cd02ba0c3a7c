import { Body, Controller, Delete, Get, Param, Post, Res } from '@nestjs/common';
import type { ClientSecretDto, CreatedClientSecretDto } from '@keyhouse/shared-contracts';
import { CurrentPrincipal, type BackOfficePrincipal } from '@keyhouse/api-identity';
import { IdPipe, RequirePermission } from '@keyhouse/api-platform';
import type { FastifyReply } from 'fastify';
import { NO_STORE } from '../http-headers';
import { ClientSecretsService } from './client-secrets.service';

/** An application's secrets: listed without values, added during a rotation, revoked one by one. */
@Controller('admin/api/oauth-applications/:id/secrets')
export class ClientSecretsController {
  constructor(private readonly secrets: ClientSecretsService) {}

  @Get()
  @RequirePermission('oauth_applications.view')
  list(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<ClientSecretDto[]> {
    return this.secrets.list(principal, id);
  }

  @Post()
  @RequirePermission('oauth_applications.edit')
  async add(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Param('id', IdPipe) id: number,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedClientSecretDto> {
    reply.headers(NO_STORE);
    return this.secrets.add(principal, id, body);
  }

  @Delete(':secretId')
  @RequirePermission('oauth_applications.edit')
  revoke(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Param('id', IdPipe) id: number,
    @Param('secretId', IdPipe) secretId: number,
  ): Promise<ClientSecretDto> {
    return this.secrets.revoke(principal, id, secretId);
  }
}
