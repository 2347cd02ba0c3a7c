import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { migrate, openDatabase } from '@keyhouse/api-persistence';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from '../entities';
import { CliModule } from './cli.module';

/** The database of DATABASE_URL, migrated (a command may be the first thing run against it), closed afterwards. */
export async function withDatabase<T>(config: AppConfig, use: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await openDatabase(config.database, ENTITIES, { waitMs: config.database.waitSeconds * 1000 });
  try {
    await migrate(dataSource);
    return await use(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** The libraries' services in a Nest application context: no HTTP listener, nothing logged (commands print their own lines). */
export function withServices<T>(config: AppConfig, use: (services: INestApplicationContext, dataSource: DataSource) => Promise<T>): Promise<T> {
  return withDatabase(config, async (dataSource) => {
    const services = await NestFactory.createApplicationContext(CliModule.forRoot(config, dataSource), { logger: false, abortOnError: false });
    try {
      return await use(services, dataSource);
    } finally {
      await services.close();
    }
  });
}
