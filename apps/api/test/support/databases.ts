import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Which database the integration tier runs on: scripts/test.sh runs it once per dialect. */
export const TEST_DIALECT = process.env['TEST_DATABASE'] ?? 'sqlite';

/**
 * A describe for checks that never reach the tier's database (configuration and command-line
 * refusals): they run in the SQLite tier only, since the MariaDB tier would run the same code
 * again, and they say so in their name where they are skipped.
 */
export function describeOnceForBothDialects(name: string, checks: () => void): void {
  if (TEST_DIALECT === 'sqlite') describe(name, checks);
  else describe.skip(`${name} (no database involved: run in the SQLite tier)`, checks);
}

/** A new, empty database for one test file, so files can run in parallel and never share state. */
export async function freshDatabase(): Promise<TestDatabase> {
  if (TEST_DIALECT === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'keyhouse-int-'));
    return { url: `sqlite:${join(dir, 'keyhouse.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (TEST_DIALECT !== 'mysql') throw new Error(`TEST_DATABASE=${TEST_DIALECT}: expected sqlite or mysql`);
  const server = process.env['TEST_MYSQL_URL'];
  // Never a silent skip: a MySQL run without a server is a failure.
  if (!server) throw new Error('TEST_DATABASE=mysql needs TEST_MYSQL_URL (mysql://user:pass@host:3306/prefix)');
  const url = new URL(server);
  const prefix = url.pathname.replace(/^\//, '') || 'keyhouse_test';
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const connection = await createConnection({
        host: url.hostname,
        port: Number(url.port || 3306),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
        connectTimeout: 10_000,
      });
      try {
        // A connection left inside a transaction would hold the drop for the server's default
        // lock_wait_timeout (a day): fail within the test's time instead, naming the database.
        await connection.query('SET SESSION lock_wait_timeout = 30');
        await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await connection.end();
      }
    },
  };
}
