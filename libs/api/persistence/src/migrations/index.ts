import type { DatabaseSettings } from '../database-url';
import { Identity1763860000000 as MysqlIdentity } from './mysql/1763860000000-identity';
import { Identity1763860000000 as SqliteIdentity } from './sqlite/1763860000000-identity';

// Listed explicitly (no glob) so the compiled API finds them wherever it is deployed.
const MIGRATIONS = {
  mysql: [MysqlIdentity],
  sqlite: [SqliteIdentity],
};

export function migrationsFor(dialect: DatabaseSettings['dialect']) {
  return MIGRATIONS[dialect];
}
