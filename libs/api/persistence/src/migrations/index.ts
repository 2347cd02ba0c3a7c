import type { DatabaseSettings } from '../database-url';
import { Identity1763860000000 as MysqlIdentity } from './mysql/1763860000000-identity';
import { OAuthApplications1763870000000 as MysqlOAuthApplications } from './mysql/1763870000000-oauth-applications';
import { OAuthTokens1763880000000 as MysqlOAuthTokens } from './mysql/1763880000000-oauth-tokens';
import { SigningKeys1763890000000 as MysqlSigningKeys } from './mysql/1763890000000-signing-keys';
import { Notifications1763900000000 as MysqlNotifications } from './mysql/1763900000000-notifications';
import { UserLocale1763910000000 as MysqlUserLocale } from './mysql/1763910000000-user-locale';
import { Identity1763860000000 as SqliteIdentity } from './sqlite/1763860000000-identity';
import { OAuthApplications1763870000000 as SqliteOAuthApplications } from './sqlite/1763870000000-oauth-applications';
import { OAuthTokens1763880000000 as SqliteOAuthTokens } from './sqlite/1763880000000-oauth-tokens';
import { SigningKeys1763890000000 as SqliteSigningKeys } from './sqlite/1763890000000-signing-keys';
import { Notifications1763900000000 as SqliteNotifications } from './sqlite/1763900000000-notifications';
import { UserLocale1763910000000 as SqliteUserLocale } from './sqlite/1763910000000-user-locale';

// Listed explicitly (no glob) so the compiled API finds them wherever it is deployed.
const MIGRATIONS = {
  mysql: [MysqlIdentity, MysqlOAuthApplications, MysqlOAuthTokens, MysqlSigningKeys, MysqlNotifications, MysqlUserLocale],
  sqlite: [SqliteIdentity, SqliteOAuthApplications, SqliteOAuthTokens, SqliteSigningKeys, SqliteNotifications, SqliteUserLocale],
};

export function migrationsFor(dialect: DatabaseSettings['dialect']) {
  return MIGRATIONS[dialect];
}
