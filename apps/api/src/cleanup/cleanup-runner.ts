import { Injectable } from '@nestjs/common';
import { AuditRetention } from '@keyhouse/api-audit';
import { IdentityCleanup } from '@keyhouse/api-identity';
import { OAuthCleanup } from '@keyhouse/api-oauth';
import type { DeletedRows } from '@keyhouse/api-persistence';

/** One cleanup pass: each library deletes its own expired rows. */
@Injectable()
export class CleanupRunner {
  constructor(
    private readonly oauth: OAuthCleanup,
    private readonly identity: IdentityCleanup,
    private readonly audit: AuditRetention,
  ) {}

  async run(now = new Date()): Promise<DeletedRows> {
    return { ...(await this.oauth.deleteExpired(now)), ...(await this.identity.deleteExpired(now)), ...(await this.audit.deleteExpired(now)) };
  }
}
