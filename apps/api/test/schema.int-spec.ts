import { FirstAdminSeeder, User } from '@keyhouse/api-identity';
import { migrate, MIGRATION_LOCK, openDatabase, parseDatabaseUrl } from '@keyhouse/api-persistence';
import { ENTITIES } from '../src/entities';
import { freshDatabase, TEST_DIALECT, type TestDatabase } from './support/databases';
import { startTestApp } from './support/test-app';

describe('migrations and the entity model', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await freshDatabase();
  });
  afterEach(() => database.drop());

  it('build exactly the schema the entities describe (no drift between the two)', async () => {
    const dataSource = await openDatabase(parseDatabaseUrl(database.url), ENTITIES);
    try {
      expect((await migrate(dataSource)).length).toBeGreaterThan(0);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('apply once: a second run finds nothing to do', async () => {
    const dataSource = await openDatabase(parseDatabaseUrl(database.url), ENTITIES);
    try {
      await migrate(dataSource);
      expect(await migrate(dataSource)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('revert cleanly, so a bad release can be rolled back', async () => {
    const dataSource = await openDatabase(parseDatabaseUrl(database.url), ENTITIES);
    try {
      const applied = await migrate(dataSource);
      for (let i = 0; i < applied.length; i++) await dataSource.undoLastMigration();
      expect(await dataSource.query('SELECT COUNT(*) AS n FROM migrations')).toEqual([{ n: expect.anything() }]);
      expect(await migrate(dataSource)).toEqual(applied);
    } finally {
      await dataSource.destroy();
    }
  });

  it('migrate and seed one administrator when two instances start at once on an empty database', async () => {
    const [first, second] = await Promise.all([startTestApp({}, { database }), startTestApp({}, { database })]);
    try {
      expect(await first.dataSource.getRepository(User).count()).toBe(1);
      expect([first.seededAdmin, second.seededAdmin].filter(Boolean)).toEqual([{ username: 'admin', generatedPassword: undefined }]);
      expect(await first.app.get(FirstAdminSeeder).seedIfEmpty()).toBeUndefined();
    } finally {
      await first.close();
      await second.close();
    }
  });

  // Named locks are server-wide: another database's migration, holding its lock, is no reason to wait.
  (TEST_DIALECT === 'mysql' ? it : it.skip)('migrate while another database on the same server is being migrated', async () => {
    const other = await freshDatabase();
    const busy = await openDatabase(parseDatabaseUrl(other.url), ENTITIES);
    const lockHolder = busy.createQueryRunner();
    const dataSource = await openDatabase(parseDatabaseUrl(database.url), ENTITIES);
    try {
      const [{ held }] = await lockHolder.query(`SELECT GET_LOCK(${MIGRATION_LOCK}, 0) AS held`);
      expect(Number(held)).toBe(1);
      // Waiting here would take the lock's 120 s, past the test's time.
      expect((await migrate(dataSource)).length).toBeGreaterThan(0);
    } finally {
      await lockHolder.release();
      await busy.destroy();
      await dataSource.destroy();
      await other.drop();
    }
  });
});
