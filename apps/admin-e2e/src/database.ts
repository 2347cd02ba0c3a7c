import path from 'node:path';
import { DataSource } from 'typeorm';

import { STATE_DIR } from './fixtures';

const DAY_MS = 86_400_000;

/**
 * Moves an application's creation back in time in the main e2e server's SQLite database, as the
 * integration tests do: a browser test cannot wait months for an application to become dormant,
 * and no production setting should bend so that it need not. Only the date moves: the test
 * created the application through the API.
 */
export async function backdateApplication(applicationId: number, days: number): Promise<void> {
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: path.resolve(__dirname, '../../..', STATE_DIR, 'keyhouse.sqlite'),
    // The server writes to the same file: wait for its write lock rather than fail.
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
    },
  });
  await dataSource.initialize();
  try {
    // Stored as TypeORM stores datetimes on SQLite: UTC, `YYYY-MM-DD HH:MM:SS.sss`.
    const createdAt = new Date(Date.now() - days * DAY_MS).toISOString().replace('T', ' ').replace('Z', '');
    await dataSource.query('UPDATE oauth_applications SET createdAt = ?, lastUsedAt = NULL WHERE id = ?', [createdAt, applicationId]);
  } finally {
    await dataSource.destroy();
  }
}
