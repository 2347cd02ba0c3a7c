import { utcDay, type UsageDelta } from '@keyhouse/api-applications';

const DAY_MS = 86_400_000;

interface Counts {
  tokensIssued: number;
  failedAuthentications: number;
}

/**
 * Tokens issued and failed client authentications per application and UTC day, counted in
 * memory between two writes. Counting is on the token path: a map lookup and an increment; the
 * day's key is worked out again only when the clock leaves the current day.
 */
export class UsageCounters {
  private days = new Map<string, Map<number, Counts>>();
  private today = '';
  private todayStarts = 0;
  private todayEnds = 0;
  private todays?: Map<number, Counts>;

  constructor(private readonly clock: () => number = Date.now) {}

  tokenIssued(applicationId: number): void {
    this.counts(applicationId).tokensIssued++;
  }

  authenticationFailed(applicationId: number): void {
    this.counts(applicationId).failedAuthentications++;
  }

  /** Everything counted since the last call, leaving the counters empty. */
  take(): UsageDelta[] {
    const deltas: UsageDelta[] = [];
    for (const [day, applications] of this.days) {
      for (const [applicationId, counts] of applications) deltas.push({ applicationId, day, ...counts });
    }
    this.days = new Map();
    this.todays = undefined;
    return deltas;
  }

  /** Puts back deltas that could not be written, adding them to whatever was counted meanwhile. */
  restore(deltas: UsageDelta[]): void {
    for (const { applicationId, day, tokensIssued, failedAuthentications } of deltas) {
      const counts = this.countsOn(day, applicationId);
      counts.tokensIssued += tokensIssued;
      counts.failedAuthentications += failedAuthentications;
    }
  }

  private counts(applicationId: number): Counts {
    const now = this.clock();
    if (now >= this.todayEnds || now < this.todayStarts) {
      this.todayStarts = now - (now % DAY_MS);
      this.todayEnds = this.todayStarts + DAY_MS;
      this.today = utcDay(now);
      this.todays = undefined;
    }
    this.todays ??= this.day(this.today);
    return this.todays.get(applicationId) ?? this.fresh(this.todays, applicationId);
  }

  private countsOn(day: string, applicationId: number): Counts {
    const applications = this.day(day);
    return applications.get(applicationId) ?? this.fresh(applications, applicationId);
  }

  private day(day: string): Map<number, Counts> {
    let applications = this.days.get(day);
    if (!applications) {
      applications = new Map();
      this.days.set(day, applications);
    }
    return applications;
  }

  private fresh(applications: Map<number, Counts>, applicationId: number): Counts {
    const counts = { tokensIssued: 0, failedAuthentications: 0 };
    applications.set(applicationId, counts);
    return counts;
  }
}
