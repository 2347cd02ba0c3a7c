import { Injectable } from '@nestjs/common';
import type { ApplicationSummaryDto } from '@keyhouse/shared-contracts';
import { DataSource } from 'typeorm';
import { visibleIn, type ApplicationScope } from '../access/application-scope';
import { dormantCondition } from '../dormancy/dormancy';
import { ApplicationUsage, OAuthApplication } from '../entities';

/** A SUM over no rows is NULL, and MySQL answers sums as strings. */
const count = (value: unknown): number => Number(value ?? 0);

@Injectable()
export class ApplicationSummaryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Two queries of the scope: the applications by status, and their tokens of one UTC day. */
  async summarize(scope: ApplicationScope, dormantBefore: Date, day: string): Promise<ApplicationSummaryDto> {
    const applications = () => visibleIn(this.dataSource.getRepository(OAuthApplication).createQueryBuilder('application'), scope);
    const statuses = await applications()
      .select('SUM(CASE WHEN application.active = :active THEN 1 ELSE 0 END)', 'active')
      .addSelect('SUM(CASE WHEN application.active = :active THEN 0 ELSE 1 END)', 'inactive')
      .addSelect(`SUM(CASE WHEN ${dormantCondition('application', 'dormantBefore')} THEN 1 ELSE 0 END)`, 'dormant')
      .setParameters({ active: true, dormantBefore })
      .getRawOne<Record<'active' | 'inactive' | 'dormant', unknown>>();
    const tokens = await applications()
      .innerJoin(ApplicationUsage, 'usage', 'usage.applicationId = application.id AND usage.day = :day', { day })
      .select('SUM(usage.tokensIssued)', 'tokensIssued')
      .getRawOne<{ tokensIssued: unknown }>();
    return {
      active: count(statuses?.active),
      inactive: count(statuses?.inactive),
      dormant: count(statuses?.dormant),
      tokensIssuedToday: count(tokens?.tokensIssued),
    };
  }
}
