import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type DataSource } from 'typeorm';
import { containsFilter, findPage, ListQueryError, type ListParams, type ListSpec } from './list-query';
import { openDatabase } from './open-database';

@Entity('authors')
class Author {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 50 })
  name!: string;
}

@Entity('notes')
class Note {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 50 })
  text!: string;

  @Column({ type: 'int', nullable: true })
  authorId!: number | null;

  @ManyToOne(() => Author)
  @JoinColumn({ name: 'authorId' })
  author?: Author | null;
}

const NOTE_LIST: ListSpec<Note> = {
  resource: 'notes',
  sortable: {
    id: 'id',
    text: 'text',
    author: { columns: ['author.name'], join: (query) => query.leftJoin(`${query.alias}.author`, 'author') },
  },
  defaultSort: ['id', 'ASC'],
  filters: { text: containsFilter('text') },
};

// What every plain object inherits: names a request may send, none of them a filter or a sort.
const INHERITED_NAMES = [
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toString',
  'toLocaleString',
  'valueOf',
  '__defineGetter__',
  '__lookupSetter__',
];

describe('list queries', () => {
  let dir: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyhouse-list-'));
    dataSource = await openDatabase({ dialect: 'sqlite', file: join(dir, 'list.sqlite') }, [Author, Note]);
    await dataSource.query('CREATE TABLE authors (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, name varchar(50) NOT NULL)');
    await dataSource.query('CREATE TABLE notes (id integer PRIMARY KEY AUTOINCREMENT NOT NULL, text varchar(50) NOT NULL, authorId integer)');
    await dataSource.getRepository(Author).insert([{ name: 'Zoe' }, { name: 'Abe' }]);
    await dataSource.getRepository(Note).insert([
      { text: 'alpha', authorId: 1 },
      { text: 'beta', authorId: 2 },
      { text: 'alphabet', authorId: null },
    ]);
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const page = (params: ListParams) => findPage(dataSource.getRepository(Note).createQueryBuilder('note'), params, NOTE_LIST);

  it('applies a declared filter and sort', async () => {
    const found = await page({ filter: '{"text":"alpha"}', sort: '["text","DESC"]' });
    expect(found.items.map((note) => note.text)).toEqual(['alphabet', 'alpha']);
    expect(found.total).toBe(2);
  });

  it('sorts by a joined table\'s column without adding or dropping rows, the filter still applied', async () => {
    const all = await page({ sort: '["author","ASC"]' });
    expect(all.items.map((note) => note.text)).toEqual(['alphabet', 'beta', 'alpha']);
    expect(all.total).toBe(3);
    const filtered = await page({ filter: '{"text":"alpha"}', sort: '["author","DESC"]' });
    expect(filtered.items.map((note) => note.text)).toEqual(['alpha', 'alphabet']);
    expect(filtered.total).toBe(2);
  });

  it.each(INHERITED_NAMES)('refuses the filter %s as unknown, whatever its value', async (name) => {
    for (const value of [1, 'x', true, {}, null, '']) {
      const answer = page({ filter: `{${JSON.stringify(name)}:${JSON.stringify(value)}}` });
      await expect(answer).rejects.toBeInstanceOf(ListQueryError);
      await expect(answer).rejects.toMatchObject({ param: 'filter', message: `unknown filter "${name}"` });
    }
  });

  it.each(INHERITED_NAMES)('refuses to sort by %s', async (name) => {
    const answer = page({ sort: JSON.stringify([name, 'ASC']) });
    await expect(answer).rejects.toBeInstanceOf(ListQueryError);
    await expect(answer).rejects.toMatchObject({ param: 'sort', message: expect.stringMatching(/^cannot sort by/) });
  });
});
