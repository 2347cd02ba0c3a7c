import type { DatabaseSettings } from '../database-url';
import { Identity1763860000000 as MysqlIdentity } from './mysql/1763860000000-identity';
import { OAuthApplications1763870000000 as MysqlOAuthApplications } from './mysql/1763870000000-oauth-applications';
import { OAuthTokens1763880000000 as MysqlOAuthTokens } from './mysql/1763880000000-oauth-tokens';
import { Identity1763860000000 as SqliteIdentity } from './sqlite/1763860000000-identity';
import { OAuthApplications1763870000000 as SqliteOAuthApplications } from './sqlite/1763870000000-oauth-applications';
import { OAuthTokens1763880000000 as SqliteOAuthTokens } from './sqlite/1763880000000-oauth-tokens';

// Listed explicitly (no glob) so the compiled API finds them wherever it is deployed.
const MIGRATIONS = {
  mysql: [MysqlIdentity, MysqlOAuthApplications, MysqlOAuthTokens],
  sqlite: [SqliteIdentity, SqliteOAuthApplications, SqliteOAuthTokens],
};

export function migrationsFor(dialect: DatabaseSettings['dialect']) {
  return MIGRATIONS[dialect];
}
