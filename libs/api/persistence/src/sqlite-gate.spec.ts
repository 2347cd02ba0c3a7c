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
});
