import { Body, Controller, Delete, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import { DEFAULT_ROTATION_OVERLAP_DAYS, MAX_LIVE_SECRETS, type ClientSecretDto, type CreatedClientSecretDto } from '@keyhouse/shared-contracts';
import { CurrentPrincipal, type BackOfficePrincipal } from '@keyhouse/api-identity';
import { IdPipe, RequirePermission, ValidationErrorAnswer } from '@keyhouse/api-platform';
import type { FastifyReply } from 'fastify';
import { ClientSecretAnswer, CreatedClientSecretAnswer } from '../answers';
import { NO_STORE } from '../http-headers';
import { AddClientSecretBody } from './client-secret.body';
import { ClientSecretsService } from './client-secrets.service';

/** An application's secrets: listed without values, added during a rotation, revoked one by one. */
@Controller('admin/api/oauth-applications/:id/secrets')
export class ClientSecretsController {
  constructor(private readonly secrets: ClientSecretsService) {}

  @Get()
  @RequirePermission('oauth_applications.view')
  @ApiOkResponse({ type: [ClientSecretAnswer] })
  list(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<ClientSecretDto[]> {
    return this.secrets.list(principal, id);
  }

  @Post()
  @RequirePermission('oauth_applications.edit')
  @ApiBody({ type: AddClientSecretBody, required: false, description: `Left out: a secret that never expires, the current ones expiring in ${DEFAULT_ROTATION_OVERLAP_DAYS} days.` })
  @ApiCreatedResponse({ type: CreatedClientSecretAnswer })
  @ApiConflictResponse({ type: ValidationErrorAnswer, description: `The application already has ${MAX_LIVE_SECRETS} live secrets and this rotation would keep them.` })
  async add(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Param('id', IdPipe) id: number,
    @Body() body: AddClientSecretBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedClientSecretDto> {
    reply.headers(NO_STORE);
    return this.secrets.add(principal, id, body);
  }

  @Delete(':secretId')
  @RequirePermission('oauth_applications.edit')
  @ApiOkResponse({ type: ClientSecretAnswer, description: 'The secret, revoked.' })
  revoke(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Param('id', IdPipe) id: number,
    @Param('secretId', IdPipe) secretId: number,
  ): Promise<ClientSecretDto> {
    return this.secrets.revoke(principal, id, secretId);
  }
}
