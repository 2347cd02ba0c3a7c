import type { DataSource } from 'typeorm';

/** Reads how many rows this process has changed so far; the number only grows. */
export type LocalChanges = () => number;

interface SqliteStatement {
  pluck(): SqliteStatement;
  get(): unknown;
}

interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

/**
 * The number of rows this process has inserted, updated or deleted, for code that keeps what it
 * read and must notice its own writes at once. On SQLite it is the connection's total_changes():
 * every write of the process goes through that one connection, and reading the count touches
 * neither the file nor its locks (about a microsecond, where any read of a table costs the lock
 * calls of a read transaction). Undefined on MySQL, where writes spread over a pool of
 * connections and nothing cheaper than a query could tell.
 *
 * It says nothing of other processes' writes on the same database.
 */
export function localChanges(dataSource: DataSource): LocalChanges | undefined {
  if (dataSource.options.type !== 'better-sqlite3') return undefined;
  const { driver } = dataSource as unknown as { driver: { databaseConnection?: SqliteConnection } };
  let prepared: { connection: SqliteConnection; statement: SqliteStatement } | undefined;
  return () => {
    const connection = driver.databaseConnection;
    if (!connection) throw new Error('The database connection is closed.');
    if (prepared?.connection !== connection) prepared = { connection, statement: connection.prepare('SELECT total_changes()').pluck() };
    return Number(prepared.statement.get());
  };
}
