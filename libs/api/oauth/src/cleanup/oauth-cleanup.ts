import { Injectable, Module } from '@nestjs/common';
import { ApplicationUsageRepository, ClientAuthThrottleRepository, DAY_MS, utcDay } from '@keyhouse/api-applications';
import { USAGE_DAYS } from '@keyhouse/shared-contracts';
import { LONGEST_TOKEN_LIFETIME_SECONDS } from '@keyhouse/api-keys';
import { deleteInBatches, type DeletedRows } from '@keyhouse/api-persistence';
import { DataSource } from 'typeorm';
import { AuthorizationCode, RefreshToken, RevokedAccessToken, TokenFamily, UsedClientAssertion } from '../entities';

/** The longest AUTH_CODE_TTL allowed: a code may be redeemed that long after its family was created. */
const LONGEST_CODE_LIFETIME_SECONDS = 3600;

const secondsBefore = (now: Date, seconds: number) => new Date(now.getTime() - seconds * 1000);

/**
 * Deletes the protocol's rows that can no longer matter. A token family is what keeps access
 * tokens carrying its `fid` valid (a family that is gone counts as revoked), so it is kept as long
 * as any of them may still be live: an access token lives at most a day after the refresh token
 * (or code) it came with was issued.
 */
@Injectable()
export class OAuthCleanup {
  constructor(private readonly dataSource: DataSource) {}

  async deleteExpired(now: Date): Promise<DeletedRows> {
    const longestAccessToken = secondsBefore(now, LONGEST_TOKEN_LIFETIME_SECONDS);
    return {
      // Past its expiry the token fails verification anyway; the revocation has nothing left to do.
      oauth_revoked_access_tokens: await deleteInBatches(this.dataSource.getRepository(RevokedAccessToken), 'jti', (query) =>
        query.where('candidate.expiresAt < :now', { now }),
      ),
      // A used code is kept until it expires (AUTH_CODE_TTL at most), so a replay is still
      // recognised and revokes what the first redemption issued (RFC 6749 4.1.2).
      oauth_authorization_codes: await deleteInBatches(this.dataSource.getRepository(AuthorizationCode), 'digest', (query) =>
        query.where('candidate.expiresAt < :now', { now }),
      ),
      // Expired, and old enough that the access token issued with it has expired too: until then
      // the row keeps its family (and so that access token) alive.
      oauth_refresh_tokens: await deleteInBatches(this.dataSource.getRepository(RefreshToken), 'id', (query) =>
        query.where('candidate.expiresAt < :now AND candidate.createdAt < :longestAccessToken', { now, longestAccessToken }),
      ),
      // Revoked (its tokens are refused either way), or with no refresh token left and older than
      // any access token or code issued from it could live. Its refresh tokens and codes go with it.
      oauth_token_families: await deleteInBatches(this.dataSource.getRepository(TokenFamily), 'id', (query) =>
        query.where('candidate.revokedAt IS NOT NULL').orWhere(
          'candidate.createdAt < :familyCutoff AND NOT EXISTS (SELECT 1 FROM oauth_refresh_tokens remaining WHERE remaining.familyId = candidate.id)',
          { familyCutoff: secondsBefore(now, LONGEST_TOKEN_LIFETIME_SECONDS + LONGEST_CODE_LIFETIME_SECONDS) },
        ),
      ),
      // An expired assertion is refused for its expiry alone: its jti has nothing left to guard.
      oauth_used_client_assertions: await deleteInBatches(this.dataSource.getRepository(UsedClientAssertion), 'digest', (query) =>
        query.where('candidate.expiresAt < :now', { now }),
      ),
      // Days older than the longest usage request (USAGE_DAYS.max, today included) are never read again.
      oauth_application_usage: await new ApplicationUsageRepository(this.dataSource).prune(utcDay(now.getTime() - (USAGE_DAYS.max - 1) * DAY_MS)),
      // Wrong secrets whose window and throttle have ended count for nothing any more.
      oauth_client_auth_throttles: await new ClientAuthThrottleRepository(this.dataSource).deleteEnded(now),
    };
  }
}

/** The cleanup alone, for processes that need no protocol (the command line): only a `DataSource`. */
@Module({ providers: [OAuthCleanup], exports: [OAuthCleanup] })
export class OAuthCleanupModule {}
