import { Injectable } from '@nestjs/common';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Between, DataSource } from 'typeorm';
import { ApplicationUsage } from '../entities';

/** What one instance counted for one application on one UTC day since its last write. */
export interface UsageDelta {
  applicationId: number;
  day: string;
  tokensIssued: number;
  failedAuthentications: number;
}

const PRUNE_BATCH_SIZE = 500;

const INSERT_COUNTS = 'INSERT INTO oauth_application_usage (applicationId, day, tokensIssued, failedAuthentications) VALUES';

/**
 * The usage table. The protocol's recorder, which lives outside this module, builds its own
 * instance: it needs nothing but the data source.
 */
@Injectable()
export class ApplicationUsageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The stored days of one application from `from` to `to` (inclusive), oldest first. */
  days(applicationId: number, from: string, to: string): Promise<ApplicationUsage[]> {
    return this.dataSource.getRepository(ApplicationUsage).find({ where: { applicationId, day: Between(from, to) }, order: { day: 'ASC' } });
  }

  /**
   * Adds the deltas to the stored counts in one statement that never overwrites: the upsert adds
   * to whatever other instances wrote meanwhile. Deltas of applications deleted since they were
   * counted are dropped; one deleted between that check and the insert fails the whole
   * statement, which the caller retries with the rest.
   */
  async add(deltas: UsageDelta[]): Promise<void> {
    const ids = [...new Set(deltas.map((delta) => delta.applicationId))];
    if (ids.length === 0) return;
    const existing = new Set(
      ((await this.dataSource.query(`SELECT id FROM oauth_applications WHERE id IN (${ids.map(() => '?').join(', ')})`, ids)) as Array<{ id: number | string }>).map(
        (row) => Number(row.id),
      ),
    );
    // One order for every writer: InnoDB locks the rows in that order, so two instances never deadlock.
    const rows = deltas
      .filter((delta) => existing.has(delta.applicationId))
      .sort((a, b) => a.applicationId - b.applicationId || a.day.localeCompare(b.day));
    if (rows.length === 0) return;
    const values = rows.map(() => '(?, ?, ?, ?)').join(', ');
    const parameters = rows.flatMap((row) => [row.applicationId, row.day, row.tokensIssued, row.failedAuthentications]);
    const sql =
      this.dataSource.options.type === 'better-sqlite3'
        ? `${INSERT_COUNTS} ${values} ON CONFLICT (applicationId, day) DO UPDATE SET
             tokensIssued = tokensIssued + excluded.tokensIssued,
             failedAuthentications = failedAuthentications + excluded.failedAuthentications`
        : // VALUES() rather than MySQL 8's row alias: MariaDB has only the former.
          `${INSERT_COUNTS} ${values} ON DUPLICATE KEY UPDATE
             tokensIssued = tokensIssued + VALUES(tokensIssued),
             failedAuthentications = failedAuthentications + VALUES(failedAuthentications)`;
    await this.dataSource.query(sql, parameters);
  }

  /**
   * Deletes the days before `before`, a bounded batch of applications at a time, so a long
   * backlog never holds long locks; several instances may run it at once.
   */
  async prune(before: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      const batch = await this.dataSource
        .getRepository(ApplicationUsage)
        .createQueryBuilder('usage')
        .select('DISTINCT usage.applicationId', 'applicationId')
        .where('usage.day < :before', { before })
        .limit(PRUNE_BATCH_SIZE)
        .getRawMany<{ applicationId: number | string }>();
      if (batch.length > 0) {
        const result = await this.dataSource
          .createQueryBuilder()
          .delete()
          .from(ApplicationUsage)
          .where('day < :before AND applicationId IN (:...ids)', { before, ids: batch.map((row) => Number(row.applicationId)) })
          .execute();
        deleted += result.affected ?? 0;
      }
      if (batch.length < PRUNE_BATCH_SIZE) return deleted;
      await yieldToEventLoop();
    }
  }
}
