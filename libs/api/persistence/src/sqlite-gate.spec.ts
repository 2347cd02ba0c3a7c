import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, Entity, PrimaryGeneratedColumn, type DataSource } from 'typeorm';
import { openDatabase } from './open-database';

@Entity('notes')
class Note {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 50 })
  text!: string;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('SQLite transactions behind the gate', () => {
  let dir: string;
  let dataSource: DataSource;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyhouse-gate-'));
    dataSource = await openDatabase({ dialect: 'sqlite', file: join(dir, 'gate.sqlite') }, [Note]);
    await dataSource.query('CREATE TABLE notes (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, text varchar(50) NOT NULL)');
  });
  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a transaction that fails from taking a concurrent one with it', async () => {
    const failing = dataSource.transaction(async (db) => {
      await db.getRepository(Note).insert({ text: 'rolled back' });
      await pause();
      throw new Error('boom');
    });
    const succeeding = dataSource.transaction(async (db) => {
      await pause();
      await db.getRepository(Note).insert({ text: 'kept' });
    });
    await expect(failing).rejects.toThrow('boom');
    await succeeding;
    expect((await dataSource.getRepository(Note).find()).map((note) => note.text)).toEqual(['kept']);
  });

  it('runs many concurrent transactions, each whole', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        dataSource.transaction(async (db) => {
          await db.getRepository(Note).insert({ text: `a${i}` });
          await pause();
          await db.getRepository(Note).insert({ text: `b${i}` });
        }),
      ),
    );
    expect(await dataSource.getRepository(Note).count()).toBe(60);
  });

  it('never lets another query see a transaction before it ends (here: rolled back)', async () => {
    const writing = dataSource.transaction(async (db) => {
      await db.getRepository(Note).insert({ text: 'never committed' });
      await pause();
      throw new Error('boom');
    });
    await pause();
    const seen = await dataSource.getRepository(Note).count();
    await expect(writing).rejects.toThrow('boom');
    expect(seen).toBe(0);
  });

  it("holds the write lock from a transaction's start: another process's write in between waits instead of failing it", async () => {
    // Another process on the same file (another instance, a node:cluster worker), with a short busy timeout.
    const other = await openDatabase({ dialect: 'sqlite', file: join(dir, 'gate.sqlite') }, [Note]);
    await other.query('PRAGMA busy_timeout = 50');
    let othersWrite: unknown;
    try {
      await dataSource.transaction(async (db) => {
        const [{ count }] = (await db.query('SELECT count(*) AS count FROM notes')) as Array<{ count: number }>;
        othersWrite = await other.query("INSERT INTO notes (text) VALUES ('other')").catch((error: unknown) => error);
        await db.getRepository(Note).insert({ text: `read ${count}` });
      });
    } finally {
      await other.destroy();
    }
    expect(String(othersWrite)).toContain('database is locked');
    expect((await dataSource.getRepository(Note).find()).map((note) => note.text)).toEqual(['read 0']);
  });
});
