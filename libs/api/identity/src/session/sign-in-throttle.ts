import { Inject, Injectable } from '@nestjs/common';
import { RetryLaterException } from '@keyhouse/api-platform';
import { DataSource, LessThan, MoreThan } from 'typeorm';
import { SignInFailure, type ThrottleScope } from '../entities';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity-options';

/**
 * Counts failed sign-ins in the database, per username and per client IP, over a sliding
 * window. Kept in the database (not in memory) so every instance sees the same counts.
 */
@Injectable()
export class SignInThrottle {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  /** Refuses the attempt before any password is checked while either counter is over its limit. */
  async assertAllowed(username: string, ip: string): Promise<void> {
    const { maxFailuresPerUser, maxFailuresPerIp } = this.options.signInThrottle;
    const waits = await Promise.all([
      this.secondsUntilAllowed('username', username, maxFailuresPerUser),
      this.secondsUntilAllowed('ip', ip, maxFailuresPerIp),
    ]);
    const wait = Math.max(...waits);
    if (wait > 0) throw new RetryLaterException(`Too many sign-in attempts. Try again in ${wait} seconds.`, wait);
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    const failures = this.dataSource.getRepository(SignInFailure);
    const now = new Date();
    await failures.insert([
      { scope: 'username', subject: username, failedAt: now },
      { scope: 'ip', subject: ip, failedAt: now },
    ]);
    await failures.delete({ failedAt: LessThan(this.windowStart()) });
  }

  async reset(username: string): Promise<void> {
    await this.dataSource.getRepository(SignInFailure).delete({ scope: 'username', subject: username });
  }

  private async secondsUntilAllowed(scope: ThrottleScope, subject: string, limit: number): Promise<number> {
    const recent = await this.dataSource.getRepository(SignInFailure).find({
      where: { scope, subject, failedAt: MoreThan(this.windowStart()) },
      order: { failedAt: 'DESC' },
      take: limit,
      select: { id: true, failedAt: true },
    });
    if (recent.length < limit) return 0;
    // The oldest of the last `limit` failures must leave the window before another try.
    const oldest = recent[recent.length - 1].failedAt.getTime();
    return Math.max(1, Math.ceil((oldest + this.options.signInThrottle.windowSeconds * 1000 - Date.now()) / 1000));
  }

  private windowStart(): Date {
    return new Date(Date.now() - this.options.signInThrottle.windowSeconds * 1000);
  }
}
