import { setTimeout as sleep } from 'node:timers/promises';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createDataSource, type EntityList, type MysqlFlavor } from './data-source';
import { describeDatabase, type DatabaseSettings } from './database-url';
import { gateSqlite } from './sqlite-gate';

export class DatabaseUnavailableError extends Error {}

export interface OpenDatabaseOptions {
  /** How long to keep trying while the server is not reachable yet (a container starting, a failover). */
  waitMs?: number;
  onWaiting?: (reason: string) => void;
}

const MYSQL_UNKNOWN_DATABASE = 'ER_BAD_DB_ERROR';

/**
 * Connects, creating an empty MySQL database when it does not exist yet, and waits for a server
 * that is still starting. Fails with one readable line, never the password.
 */
export async function openDatabase(
  settings: DatabaseSettings,
  entities: EntityList,
  { waitMs = 30_000, onWaiting }: OpenDatabaseOptions = {},
): Promise<DataSource> {
  const deadline = Date.now() + waitMs;
  for (let attempt = 1; ; attempt++) {
    try {
      const flavor = settings.dialect === 'mysql' ? await mysqlFlavor(settings) : undefined;
      const dataSource = await createDataSource(settings, entities, flavor).initialize();
      if (settings.dialect === 'sqlite') gateSqlite(dataSource);
      return dataSource;
    } catch (error) {
      const code = errorCode(error);
      if (settings.dialect === 'mysql' && code === MYSQL_UNKNOWN_DATABASE) {
        await createMysqlDatabase(settings);
        continue;
      }
      const reason = `${describeDatabase(settings)}: ${code ?? (error as Error).message}`;
      if (!isTransient(code) || Date.now() >= deadline) {
        throw new DatabaseUnavailableError(`cannot open ${reason}`);
      }
      onWaiting?.(reason);
      await sleep(Math.min(250 * 2 ** attempt, 2_000));
    }
  }
}

/**
 * The name of the migration lock, as SQL. Named locks are server-wide: the database's name in it
 * keeps instances of other databases on the same server from waiting on each other (at most 64
 * characters).
 */
export const MIGRATION_LOCK = `CONCAT('keyhouse:migrate:', LEFT(DATABASE(), 46))`;

/** Applies pending migrations; on MySQL a named lock keeps two starting instances from racing. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  if (dataSource.options.type !== 'mysql' && dataSource.options.type !== 'mariadb') {
    return (await dataSource.runMigrations()).map((m) => m.name);
  }
  const lock = dataSource.createQueryRunner();
  try {
    const [{ acquired }] = await lock.query(`SELECT GET_LOCK(${MIGRATION_LOCK}, 120) AS acquired`);
    if (Number(acquired) !== 1) throw new DatabaseUnavailableError('timed out waiting for another instance to migrate');
    return (await dataSource.runMigrations()).map((m) => m.name);
  } finally {
    await lock.query(`SELECT RELEASE_LOCK(${MIGRATION_LOCK})`).catch(() => undefined);
    await lock.release();
  }
}

type MysqlSettings = Extract<DatabaseSettings, { dialect: 'mysql' }>;

/** Asks the server itself, without selecting the database (which may not exist yet). */
async function mysqlFlavor({ host, port, user, password }: MysqlSettings): Promise<MysqlFlavor> {
  const connection = await createConnection({ host, port, user, password, connectTimeout: 10_000 });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test(String((rows as Array<{ version: string }>)[0]?.version)) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

async function createMysqlDatabase(settings: MysqlSettings): Promise<void> {
  const { database, host, port, user, password } = settings;
  const connection = await createConnection({ host, port, user, password });
  try {
    // The name was validated by parseDatabaseUrl to be a plain identifier.
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await connection.end();
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

function isTransient(code: string | undefined): boolean {
  return ['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', 'ER_CON_COUNT_ERROR', 'PROTOCOL_CONNECTION_LOST', 'SQLITE_BUSY'].includes(
    code ?? '',
  );
}
