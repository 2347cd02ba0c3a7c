import 'reflect-metadata';
import { describeDatabase, migrate, openDatabase } from '@keyhouse/api-persistence';
import { loadConfig } from './config/app-config';
import { ConfigError } from './config/env-readers';
import { ENTITIES } from './entities';

/** `npm run migrate`: applies pending migrations to DATABASE_URL and exits. */
async function run(): Promise<void> {
  const config = loadConfig(process.env);
  const dataSource = await openDatabase(config.database, ENTITIES, { waitMs: config.database.waitSeconds * 1000 });
  try {
    const applied = await migrate(dataSource);
    process.stdout.write(
      applied.length
        ? `Migrated ${describeDatabase(config.database)}: ${applied.join(', ')}\n`
        : `${describeDatabase(config.database)} is up to date.\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`keyhouse migrate: ${error instanceof ConfigError ? '' : 'failed: '}${(error as Error).message}\n`);
  process.exit(1);
});
