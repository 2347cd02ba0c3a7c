import { Inject, Injectable } from '@nestjs/common';
import { deleteInBatches, type DeletedRows } from '@keyhouse/api-persistence';
import { DataSource } from 'typeorm';
import { AdminSession, CustomerSession, SignInFailure, SsoRequest } from '../entities';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity-options';

/** Deletes sessions and single sign-on requests past their expiry, and failed sign-ins that left the throttling window. */
@Injectable()
export class IdentityCleanup {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  async deleteExpired(now: Date): Promise<DeletedRows> {
    const windowStart = new Date(now.getTime() - this.options.signInThrottle.windowSeconds * 1000);
    return {
      admin_sessions: await deleteInBatches(this.dataSource.getRepository(AdminSession), 'tokenDigest', (query) =>
        query.where('candidate.expiresAt < :now', { now }),
      ),
      customer_sessions: await deleteInBatches(this.dataSource.getRepository(CustomerSession), 'tokenDigest', (query) =>
        query.where('candidate.expiresAt < :now', { now }),
      ),
      sign_in_failures: await deleteInBatches(this.dataSource.getRepository(SignInFailure), 'id', (query) =>
        query.where('candidate.failedAt < :windowStart', { windowStart }),
      ),
      sso_requests: await deleteInBatches(this.dataSource.getRepository(SsoRequest), 'stateDigest', (query) => query.where('candidate.expiresAt < :now', { now })),
    };
  }
}
