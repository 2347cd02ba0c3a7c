import { Body, Controller, Delete, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import { IdPipe } from '@keyhouse/api-platform';
import { CurrentPrincipal, type BackOfficePrincipal } from '@keyhouse/api-identity';
import { pageHeaders, type ListParams } from '@keyhouse/api-persistence';
import type { InstalledAppDto, MarketplaceAppDto, OAuthInstallationDto } from '@keyhouse/shared-contracts';
import type { FastifyReply } from 'fastify';
import { InstalledAppAnswer, MarketplaceAppAnswer, OAuthInstallationAnswer } from './answers';
import { InstallAppBody } from './install-app.body';
import { InstallationsService } from './installations.service';

/** Who sees what is decided per installation (own ones always; the organization's with oauth_installations.view). */
@Controller('admin/api/oauth-installations')
export class InstallationsController {
  constructor(private readonly installations: InstallationsService) {}

  @Get()
  @ApiOkResponse({ type: [OAuthInstallationAnswer] })
  async list(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Query() params: ListParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OAuthInstallationDto[]> {
    const page = await this.installations.list(principal, params);
    reply.headers(pageHeaders(page));
    return page.items;
  }

  @Get(':id')
  @ApiOkResponse({ type: OAuthInstallationAnswer })
  get(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<OAuthInstallationDto> {
    return this.installations.get(principal, id);
  }

  @Delete(':id')
  @ApiOkResponse({ type: OAuthInstallationAnswer, description: 'The installation as it was.' })
  @ApiForbiddenResponse({ description: 'Another user\'s installation, without `oauth_installations.manage` in its organization; or a missing CSRF token.' })
  uninstall(@CurrentPrincipal() principal: BackOfficePrincipal, @Param('id', IdPipe) id: number): Promise<OAuthInstallationDto> {
    return this.installations.uninstall(principal, id);
  }
}

@Controller('admin/api/marketplace-apps')
export class MarketplaceAppsController {
  constructor(private readonly installations: InstallationsService) {}

  @Get()
  @ApiOkResponse({ type: [MarketplaceAppAnswer] })
  async list(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Query() params: ListParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MarketplaceAppDto[]> {
    const page = await this.installations.marketplace(principal, params);
    reply.headers(pageHeaders(page));
    return page.items;
  }
}

/** The app store's install call: answers where to send the browser, with a fresh code. */
@Controller('admin/api/apps/installed')
export class AppInstallController {
  constructor(private readonly installations: InstallationsService) {}

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiCreatedResponse({ type: InstalledAppAnswer })
  @ApiNotFoundResponse({ description: 'No application with this integration name can be installed.' })
  install(@CurrentPrincipal() principal: BackOfficePrincipal, @Body() body: InstallAppBody): Promise<InstalledAppDto> {
    return this.installations.install(principal, body);
  }
}
