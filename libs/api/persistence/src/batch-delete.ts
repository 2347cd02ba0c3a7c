import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { In, type FindOptionsWhere, type ObjectLiteral, type Repository, type SelectQueryBuilder } from 'typeorm';

/** Rows deleted by a cleanup, by table name. */
export type DeletedRows = Record<string, number>;

const DELETE_BATCH_SIZE = 500;

/**
 * Deletes every row `matching` selects, one bounded batch at a time: the keys of a batch are
 * read first (a plain read, which takes no row locks on MySQL), then deleted by primary key. No
 * statement touches more than `batchSize` rows, so a large backlog never holds long locks, and
 * several instances may run it at once: whatever another one deleted first is simply not counted.
 * `matching` receives a query aliased `candidate`.
 */
export async function deleteInBatches<T extends ObjectLiteral>(
  repository: Repository<T>,
  key: keyof T & string,
  matching: (query: SelectQueryBuilder<T>) => SelectQueryBuilder<T>,
  batchSize = DELETE_BATCH_SIZE,
): Promise<number> {
  let deleted = 0;
  for (;;) {
    const rows = await matching(repository.createQueryBuilder('candidate')).select(`candidate.${key}`).limit(batchSize).getMany();
    if (rows.length > 0) {
      const result = await repository.delete({ [key]: In(rows.map((row) => row[key])) } as FindOptionsWhere<T>);
      deleted += result.affected ?? 0;
    }
    if (rows.length < batchSize) return deleted;
    // better-sqlite3 answers synchronously: without this, a long backlog would starve requests.
    await yieldToEventLoop();
  }
}
