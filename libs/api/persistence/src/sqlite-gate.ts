import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * better-sqlite3 is one connection, and TypeORM hands every caller the same query runner. Two
 * transactions at once would interleave on it: the second became a savepoint of the first (and
 * was rolled back with it) or failed with "cannot start a transaction within a transaction", and
 * any other request's query ran inside whichever transaction was open. The gate runs one
 * transaction at a time and holds every other query until it ends. SQLite has a single writer
 * anyway, so this costs no concurrency it ever had.
 */
export class SqliteGate {
  private tail: Promise<void> = Promise.resolve();
  private open = false;
  private readonly owner = new AsyncLocalStorage<true>();

  private get insideTransaction(): boolean {
    return this.owner.getStore() === true;
  }

  /** Runs `work` as the only transaction; a transaction started inside it nests as before. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.insideTransaction) return work();
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    await previous;
    this.open = true;
    try {
      return await this.owner.run(true, work);
    } finally {
      this.open = false;
      release();
    }
  }

  /** Resolves when no transaction is open (at once inside the open one). */
  async idle(): Promise<void> {
    while (this.open && !this.insideTransaction) await this.tail;
  }
}

const gates = new WeakMap<DataSource, SqliteGate>();

/**
 * TypeORM begins SQLite transactions DEFERRED: a reader until its first write. When another
 * process on the file (another instance, a node:cluster worker) commits in between, SQLite
 * refuses the upgrade at once with "database is locked", whatever the busy timeout. IMMEDIATE
 * takes the write lock at BEGIN, where the busy timeout applies: the transaction waits its turn.
 * Readers never wait in WAL mode, and the gate runs one transaction at a time anyway.
 */
const BEGIN = 'BEGIN TRANSACTION';
const BEGIN_IMMEDIATE = 'BEGIN IMMEDIATE TRANSACTION';

/** Puts every transaction and query of this SQLite data source behind one gate. */
export function gateSqlite(dataSource: DataSource): void {
  const gate = new SqliteGate();
  const manager: EntityManager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  manager.transaction = ((...args: unknown[]) => gate.exclusive(() => transaction(...args))) as EntityManager['transaction'];
  // The one query runner every repository, query builder and dataSource.query() goes through.
  const runner = dataSource.driver.createQueryRunner('master');
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = (async (sql: unknown, ...args: unknown[]) => {
    await gate.idle();
    return query(sql === BEGIN ? BEGIN_IMMEDIATE : sql, ...args);
  }) as typeof runner.query;
  gates.set(dataSource, gate);
}

/** The gate of a SQLite data source, for code that talks to the driver directly. */
export function sqliteGateOf(dataSource: DataSource): SqliteGate | undefined {
  return gates.get(dataSource);
}
