import type { DataSource } from 'typeorm';
import { sqliteGateOf } from './sqlite-gate';

/** Runs one SQL statement with `?` placeholders and answers its rows. */
export type NativeQuery = <T>(sql: string, parameters: Array<string | number | null>) => Promise<T[]>;

interface SqliteStatement {
  all(...parameters: unknown[]): unknown[];
}

interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

interface MysqlPool {
  query(sql: string, parameters: unknown[], callback: (error: Error | null, rows: unknown) => void): void;
}

/**
 * The driver itself, for the handful of reads on the token path: TypeORM's query runner
 * (events, result wrapping, runner bookkeeping) costs more there than the query. SQL given here
 * must be plain enough for both dialects; booleans are passed as 1/0, dates as UTC text.
 */
export function nativeQuery(dataSource: DataSource): NativeQuery {
  const { driver } = dataSource as unknown as { driver: { databaseConnection?: SqliteConnection; pool?: MysqlPool } };
  if (dataSource.options.type === 'better-sqlite3') {
    const statements = new Map<string, SqliteStatement>();
    const gate = sqliteGateOf(dataSource);
    return async <T>(sql: string, parameters: Array<string | number | null>) => {
      // Never read another request's transaction before it commits.
      await gate?.idle();
      const connection = driver.databaseConnection;
      if (!connection) throw new Error('The database connection is closed.');
      let statement = statements.get(sql);
      if (!statement) {
        statement = connection.prepare(sql);
        statements.set(sql, statement);
      }
      return statement.all(...parameters) as T[];
    };
  }
  return <T>(sql: string, parameters: Array<string | number | null>) =>
    new Promise<T[]>((resolve, reject) => {
      const pool = driver.pool;
      if (!pool) return reject(new Error('The database connection is closed.'));
      pool.query(sql, parameters, (error, rows) => (error ? reject(error) : resolve(rows as T[])));
    });
}

/** UTC in the `YYYY-MM-DD HH:MM:SS.sss` form both drivers store datetimes in and compare correctly. */
export function sqlDatetime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** A datetime read by plain SQL: mysql2 answers Date objects (UTC, see the data source), better-sqlite3 the UTC text it stored. */
export function readSqlDatetime(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
