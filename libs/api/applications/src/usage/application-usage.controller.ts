import { Controller, Get, Param, Query } from '@nestjs/common';
import { IdPipe } from '@keyhouse/api-platform';
import type { ApplicationUsageDto } from '@keyhouse/shared-contracts';
import { CurrentPrincipal, type BackOfficePrincipal } from '@keyhouse/api-identity';
import { ApplicationUsageService } from './application-usage.service';

@Controller('admin/api/oauth-applications')
export class ApplicationUsageController {
  constructor(private readonly usage: ApplicationUsageService) {}

  /** Tokens issued and failed client authentications per UTC day (`days`: 1 to 366, default 30). */
  @Get(':id/usage')
  daily(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Param('id', IdPipe) id: number,
    @Query('days') days?: string,
  ): Promise<ApplicationUsageDto> {
    return this.usage.daily(principal, id, days);
  }
}
