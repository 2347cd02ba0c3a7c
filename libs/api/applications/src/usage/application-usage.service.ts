import { Injectable } from '@nestjs/common';
import type { ApplicationUsageDto } from '@keyhouse/shared-contracts';
import type { BackOfficePrincipal } from '@keyhouse/api-identity';
import { OAuthApplicationsService } from '../oauth-applications.service';
import { ApplicationUsageRepository } from './application-usage.repository';
import { lastDays, parseUsageDays, zeroFilled } from './usage-days';

@Injectable()
export class ApplicationUsageService {
  constructor(
    private readonly applications: OAuthApplicationsService,
    private readonly usage: ApplicationUsageRepository,
  ) {}

  /** The last `days` UTC days of the application, zero-filled, for whoever may see the application itself. */
  async daily(principal: BackOfficePrincipal, id: number, rawDays: unknown, now = new Date()): Promise<ApplicationUsageDto> {
    const count = parseUsageDays(rawDays);
    // Its own GET decides: same organizations, same permission (or the application acts as the caller).
    await this.applications.get(principal, id);
    const days = lastDays(now, count);
    const stored = await this.usage.days(id, days[0], days[days.length - 1]);
    return { days: zeroFilled(days, stored) };
  }
}
