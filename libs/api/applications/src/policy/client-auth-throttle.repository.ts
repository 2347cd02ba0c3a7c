import { Injectable } from '@nestjs/common';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { readSqlDatetime, sqlDatetime } from '@keyhouse/api-persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { ClientAuthThrottle } from '../entities';
import { CLIENT_ADDRESS_LENGTH } from '../entities/client-auth-throttle.entity';

/** `CLIENT_AUTH_MAX_FAILURES` (0: count, never throttle) and `CLIENT_AUTH_LOCK_SECONDS`. */
export interface ThrottlePolicy {
  maxFailures: number;
  /** The window failures are counted in, and how long a throttle lasts. */
  periodSeconds: number;
}

/** An application's failures still counting, from every address, and the latest end of a throttle in force. */
export interface ThrottleSummary {
  failures: number;
  throttledUntil: Date | null;
}

export const NO_FAILURES: ThrottleSummary = { failures: 0, throttledUntil: null };

const DELETE_BATCH_SIZE = 500;

/** The address as stored: anything longer than a real one (a forged header) is cut, never refused. */
export const storedAddress = (address: string): string => address.slice(0, CLIENT_ADDRESS_LENGTH);

const INSERT_FAILURE = 'INSERT INTO oauth_client_auth_throttles (applicationId, address, failures, windowEndsAt, throttledUntil) VALUES (?, ?, 1, ?, ?)';
// Each column reads only columns assigned after it: SQLite reads the row as it was, MySQL the
// values already assigned to the left, and in this order both read the same.
const COUNT_FAILURE = `throttledUntil = CASE WHEN ? > 0 AND (CASE WHEN windowEndsAt > ? THEN failures + 1 ELSE 1 END) >= ? THEN ? ELSE throttledUntil END,
  failures = CASE WHEN windowEndsAt > ? THEN failures + 1 ELSE 1 END,
  windowEndsAt = CASE WHEN windowEndsAt > ? THEN windowEndsAt ELSE ? END`;

const ENDED = 'windowEndsAt <= :now AND (throttledUntil IS NULL OR throttledUntil <= :now)';

/**
 * Wrong client secrets per application and client address. The protocol, which lives outside this
 * module, provides its own instance, and the cleanup builds one: it needs nothing but the data
 * source. The token path reads an address's state with its client (ProtocolQueries) and writes
 * here only on a wrong secret, or to clear failures that exist.
 */
@Injectable()
export class ClientAuthThrottleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One more wrong secret from `address`, in one statement that adds to whatever other instances
   * counted. A window that has ended starts again from one; the failure that reaches the limit
   * throttles the address for a period from now.
   */
  async recordFailure(applicationId: number, address: string, { maxFailures, periodSeconds }: ThrottlePolicy): Promise<void> {
    const now = new Date();
    const [at, end] = [sqlDatetime(now), sqlDatetime(new Date(now.getTime() + periodSeconds * 1000))];
    const upsert =
      this.dataSource.options.type === 'better-sqlite3'
        ? `${INSERT_FAILURE} ON CONFLICT (applicationId, address) DO UPDATE SET ${COUNT_FAILURE}`
        : `${INSERT_FAILURE} ON DUPLICATE KEY UPDATE ${COUNT_FAILURE}`;
    // With a limit of one, the first failure already reaches it.
    const firstThrottles = maxFailures === 1 ? end : null;
    await this.dataSource.query(upsert, [applicationId, storedAddress(address), end, firstThrottles, maxFailures, at, maxFailures, end, at, at, end]);
  }

  /** A success from `address`: its failures stop counting. */
  async clear(applicationId: number, address: string): Promise<void> {
    await this.dataSource.getRepository(ClientAuthThrottle).delete({ applicationId, address: storedAddress(address) });
  }

  /** Every address's failures and throttle, as the console's Unlock asks. */
  async clearAll(applicationId: number, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.getRepository(ClientAuthThrottle).delete({ applicationId });
  }

  /** The summaries of any number of applications in one query; those with nothing counting are left out. */
  async summaries(applicationIds: number[]): Promise<Map<number, ThrottleSummary>> {
    if (applicationIds.length === 0) return new Map();
    const now = sqlDatetime(new Date());
    const rows = (await this.dataSource.query(
      `SELECT applicationId, SUM(failures) AS failures, MAX(CASE WHEN throttledUntil > ? THEN throttledUntil END) AS throttledUntil
         FROM oauth_client_auth_throttles
        WHERE applicationId IN (${applicationIds.map(() => '?').join(', ')}) AND (windowEndsAt > ? OR throttledUntil > ?)
        GROUP BY applicationId`,
      [now, ...applicationIds, now, now],
    )) as Array<{ applicationId: number | string; failures: number | string; throttledUntil: Date | string | null }>;
    return new Map(
      rows.map((row) => [
        Number(row.applicationId),
        { failures: Number(row.failures), throttledUntil: row.throttledUntil === null ? null : readSqlDatetime(row.throttledUntil) },
      ]),
    );
  }

  /**
   * Deletes the rows whose window and throttle have both ended: the next failure from there would
   * start from one anyway. A bounded batch at a time, each row deleted only if it is still ended
   * (a failure may have opened a new window meanwhile); several instances may run it at once.
   */
  async deleteEnded(now: Date): Promise<number> {
    const throttles = this.dataSource.getRepository(ClientAuthThrottle);
    let deleted = 0;
    for (;;) {
      const ended = await throttles
        .createQueryBuilder('throttle')
        .select(['throttle.applicationId', 'throttle.address'])
        .where(ENDED, { now })
        .limit(DELETE_BATCH_SIZE)
        .getMany();
      if (ended.length > 0) {
        const keys = ended.map(({ applicationId, address }) => ({ applicationId, address }));
        const result = await throttles.createQueryBuilder().delete().whereInIds(keys).andWhere(ENDED, { now }).execute();
        deleted += result.affected ?? 0;
      }
      if (ended.length < DELETE_BATCH_SIZE) return deleted;
      await yieldToEventLoop();
    }
  }
}
