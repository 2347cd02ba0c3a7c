import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { ApplicationSummaryDto } from '@keyhouse/shared-contracts';
import { CurrentPrincipal, type BackOfficePrincipal } from '@keyhouse/api-identity';
import { RequirePermission } from '@keyhouse/api-platform';
import { ApplicationSummaryAnswer } from '../answers';
import { ApplicationSummaryService } from './application-summary.service';

@Controller('admin/api/oauth-applications/summary')
export class ApplicationSummaryController {
  constructor(private readonly summaries: ApplicationSummaryService) {}

  /** The dashboard's figures: the applications the caller's list holds, by status, and their tokens today. */
  @Get()
  @RequirePermission('oauth_applications.view')
  @ApiOkResponse({ type: ApplicationSummaryAnswer })
  summary(@CurrentPrincipal() principal: BackOfficePrincipal): Promise<ApplicationSummaryDto> {
    return this.summaries.summarize(principal);
  }
}
