import { Injectable } from '@nestjs/common';
import type { ApplicationSummaryDto } from '@keyhouse/shared-contracts';
import type { BackOfficeCaller } from '@keyhouse/api-platform';
import { applicationScope } from '../access/application-scope';
import { Dormancy } from '../dormancy/dormancy';
import { utcDay } from '../usage/usage-days';
import { ApplicationSummaryRepository } from './application-summary.repository';

@Injectable()
export class ApplicationSummaryService {
  constructor(
    private readonly summaries: ApplicationSummaryRepository,
    private readonly dormancy: Dormancy,
  ) {}

  /** Counts what the caller's list of applications holds, by the same scope and the same dormancy rule. */
  summarize(caller: BackOfficeCaller, now = new Date()): Promise<ApplicationSummaryDto> {
    return this.summaries.summarize(applicationScope(caller), this.dormancy.before(now), utcDay(now));
  }
}
