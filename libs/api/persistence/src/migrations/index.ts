import type { DatabaseSettings } from '../database-url';
import { Identity1763860000000 as MysqlIdentity } from './mysql/1763860000000-identity';
import { OAuthApplications1763870000000 as MysqlOAuthApplications } from './mysql/1763870000000-oauth-applications';
import { OAuthTokens1763880000000 as MysqlOAuthTokens } from './mysql/1763880000000-oauth-tokens';
import { SigningKeys1763890000000 as MysqlSigningKeys } from './mysql/1763890000000-signing-keys';
import { Identity1763860000000 as SqliteIdentity } from './sqlite/1763860000000-identity';
import { OAuthApplications1763870000000 as SqliteOAuthApplications } from './sqlite/1763870000000-oauth-applications';
import { OAuthTokens1763880000000 as SqliteOAuthTokens } from './sqlite/1763880000000-oauth-tokens';
import { SigningKeys1763890000000 as SqliteSigningKeys } from './sqlite/1763890000000-signing-keys';

// Listed explicitly (no glob) so the compiled API finds them wherever it is deployed.
const MIGRATIONS = {
  mysql: [MysqlIdentity, MysqlOAuthApplications, MysqlOAuthTokens, MysqlSigningKeys],
  sqlite: [SqliteIdentity, SqliteOAuthApplications, SqliteOAuthTokens, SqliteSigningKeys],
};

export function migrationsFor(dialect: DatabaseSettings['dialect']) {
  return MIGRATIONS[dialect];
}
