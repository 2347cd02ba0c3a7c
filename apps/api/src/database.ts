import { Logger } from '@nestjs/common';
import { describeDatabase, migrate, openDatabase } from '@keyhouse/api-persistence';
import type { DataSource } from 'typeorm';
import type { AppConfig } from './config/app-config';
import { ENTITIES } from './entities';

/** The database of DATABASE_URL, waited for while unreachable, and migrated unless told otherwise. */
export async function openAppDatabase(config: AppConfig, { migrate: migrating }: { migrate: boolean }): Promise<DataSource> {
  const logger = new Logger('Keyhouse');
  const dataSource = await openDatabase(config.database, ENTITIES, {
    waitMs: config.database.waitSeconds * 1000,
    onWaiting: (reason) => logger.warn(`waiting for the database (${reason})`),
  });
  if (!migrating) return dataSource;
  const applied = await migrate(dataSource);
  if (applied.length) logger.log(`migrated ${describeDatabase(config.database)}: ${applied.join(', ')}`);
  return dataSource;
}
