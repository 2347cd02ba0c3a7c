import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { IdPipe } from '@keyhouse/api-platform';
import { USAGE_DAYS, type ApplicationUsageDto } from '@keyhouse/shared-contracts';
import { CurrentPrincipal, type BackOfficePrincipal } from '@keyhouse/api-identity';
import { ApplicationUsageAnswer } from '../answers';
import { ApplicationUsageService } from './application-usage.service';

@Controller('admin/api/oauth-applications')
export class ApplicationUsageController {
  constructor(private readonly usage: ApplicationUsageService) {}

  /** Tokens issued and failed client authentications per UTC day (`days`: 1 to 366, default 30). */
  @Get(':id/usage')
  @ApiOkResponse({ type: ApplicationUsageAnswer })
  @ApiForbiddenResponse({ description: "An application of the caller's organization that they may not view." })
  @ApiQuery({ name: 'days', required: false, schema: { type: 'integer', minimum: USAGE_DAYS.min, maximum: USAGE_DAYS.max, default: USAGE_DAYS.default } })
  daily(
    @CurrentPrincipal() principal: BackOfficePrincipal,
    @Param('id', IdPipe) id: number,
    @Query('days') days?: string,
  ): Promise<ApplicationUsageDto> {
    return this.usage.daily(principal, id, days);
  }
}
