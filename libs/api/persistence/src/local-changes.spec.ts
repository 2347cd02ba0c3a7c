import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { localChanges } from './local-changes';
import { openDatabase } from './open-database';

describe('localChanges', () => {
  let dir: string;
  let dataSource: DataSource;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyhouse-changes-'));
    dataSource = await openDatabase({ dialect: 'sqlite', file: join(dir, 'changes.sqlite') }, []);
    await dataSource.query('CREATE TABLE notes (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, text varchar(50) NOT NULL)');
  });
  function sqliteChanges() {
    const changes = localChanges(dataSource);
    if (!changes) throw new Error('SQLite always has a change count');
    return changes;
  }

  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('grows with every insert, update and delete of the process, and not with reads', async () => {
    const changes = sqliteChanges();
    const before = changes();
    await dataSource.query('SELECT * FROM notes');
    expect(changes()).toBe(before);
    await dataSource.query(`INSERT INTO notes (text) VALUES ('a'), ('b')`);
    expect(changes()).toBe(before + 2);
    await dataSource.query(`UPDATE notes SET text = 'c' WHERE text = 'a'`);
    await dataSource.query(`DELETE FROM notes WHERE text = 'b'`);
    expect(changes()).toBe(before + 4);
  });

  it('grows inside a transaction already, before the commit, and stays grown after a rollback', async () => {
    const changes = sqliteChanges();
    const before = changes();
    await expect(
      dataSource.transaction(async (db) => {
        await db.query(`INSERT INTO notes (text) VALUES ('rolled back')`);
        expect(changes()).toBe(before + 1);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(changes()).toBe(before + 1);
  });

  it('is not to be had on MySQL, where writes spread over a pool of connections', () => {
    expect(localChanges({ options: { type: 'mysql' } } as DataSource)).toBeUndefined();
  });
});
