import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type MixedList } from 'typeorm';
import type { DatabaseSettings } from './database-url';
import { migrationsFor } from './migrations';

// `Function` is TypeORM's own type for entity classes.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = MixedList<Function>;

export type MysqlFlavor = 'mysql' | 'mariadb';

/**
 * One data source for both dialects; the entity model is the same, only the driver settings
 * and the migration set differ.
 */
export function createDataSource(settings: DatabaseSettings, entities: EntityList, mysqlFlavor: MysqlFlavor = 'mysql'): DataSource {
  const common = {
    entities,
    migrations: migrationsFor(settings.dialect),
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each' as const,
    // TypeORM logs failed queries with their parameters, which can be password or token digests.
    logging: false,
  };
  if (settings.dialect === 'sqlite') {
    // The file holds password digests: a directory Keyhouse creates is for its own user only.
    mkdirSync(dirname(settings.file), { recursive: true, mode: 0o700 });
    return new DataSource({
      ...common,
      type: 'better-sqlite3',
      database: settings.file,
      // WAL with synchronous=FULL: a commit is on disk before it is acknowledged, so a kill -9
      // loses nothing that was answered, and readers never block the writer.
      enableWAL: true,
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        db.pragma('synchronous = FULL');
        db.pragma('foreign_keys = ON');
        db.pragma('busy_timeout = 5000');
      },
    });
  }
  return new DataSource({
    ...common,
    // MariaDB reports column defaults differently; TypeORM reads them right only when told.
    type: mysqlFlavor,
    host: settings.host,
    port: settings.port,
    username: settings.user,
    password: settings.password,
    database: settings.database,
    charset: 'utf8mb4_unicode_ci',
    // Dates are stored and read as UTC whatever the server's or the process's zone is.
    timezone: 'Z',
    poolSize: 10,
    connectTimeout: 10_000,
  });
}
