import type { DatabaseSettings } from '../database-url';
import { Identity1763860000000 as MysqlIdentity } from './mysql/1763860000000-identity';
import { OAuthApplications1763870000000 as MysqlOAuthApplications } from './mysql/1763870000000-oauth-applications';
import { OAuthTokens1763880000000 as MysqlOAuthTokens } from './mysql/1763880000000-oauth-tokens';
import { SigningKeys1763890000000 as MysqlSigningKeys } from './mysql/1763890000000-signing-keys';
import { Notifications1763900000000 as MysqlNotifications } from './mysql/1763900000000-notifications';
import { UserLocale1763910000000 as MysqlUserLocale } from './mysql/1763910000000-user-locale';
import { AuthorizationCodes1763920000000 as MysqlAuthorizationCodes } from './mysql/1763920000000-authorization-codes';
import { SecretRotation1763930000000 as MysqlSecretRotation } from './mysql/1763930000000-secret-rotation';
import { CustomerUserCreate1763940000000 as MysqlCustomerUserCreate } from './mysql/1763940000000-customer-user-create';
import { ApplicationUsage1763950000000 as MysqlApplicationUsage } from './mysql/1763950000000-application-usage';
import { ClientPolicy1763960000000 as MysqlClientPolicy } from './mysql/1763960000000-client-policy';
import { AuditEvents1763970000000 as MysqlAuditEvents } from './mysql/1763970000000-audit-events';
import { UserCreate1763980000000 as MysqlUserCreate } from './mysql/1763980000000-user-create';
import { OrganizationCreate1763990000000 as MysqlOrganizationCreate } from './mysql/1763990000000-organization-create';
import { MarketplaceListing1764000000000 as MysqlMarketplaceListing } from './mysql/1764000000000-marketplace-listing';
import { AccountEdit1764010000000 as MysqlAccountEdit } from './mysql/1764010000000-account-edit';
import { Memberships1764020000000 as MysqlMemberships } from './mysql/1764020000000-memberships';
import { ClientAuthThrottle1764030000000 as MysqlClientAuthThrottle } from './mysql/1764030000000-client-auth-throttle';
import { NotificationTenancy1764050000000 as MysqlNotificationTenancy } from './mysql/1764050000000-notification-tenancy';
import { AuditOrganizations1764060000000 as MysqlAuditOrganizations } from './mysql/1764060000000-audit-organizations';
import { OpenIdConnect1764072000000 as MysqlOpenIdConnect } from './mysql/1764072000000-openid-connect';
import { PrivateKeyJwt1764074000000 as MysqlPrivateKeyJwt } from './mysql/1764074000000-private-key-jwt';
import { SsoRequests1764090000000 as MysqlSsoRequests } from './mysql/1764090000000-sso-requests';
import { SsoRequestAddress1764100000000 as MysqlSsoRequestAddress } from './mysql/1764100000000-sso-request-address';
import { Identity1763860000000 as SqliteIdentity } from './sqlite/1763860000000-identity';
import { OAuthApplications1763870000000 as SqliteOAuthApplications } from './sqlite/1763870000000-oauth-applications';
import { OAuthTokens1763880000000 as SqliteOAuthTokens } from './sqlite/1763880000000-oauth-tokens';
import { SigningKeys1763890000000 as SqliteSigningKeys } from './sqlite/1763890000000-signing-keys';
import { Notifications1763900000000 as SqliteNotifications } from './sqlite/1763900000000-notifications';
import { UserLocale1763910000000 as SqliteUserLocale } from './sqlite/1763910000000-user-locale';
import { AuthorizationCodes1763920000000 as SqliteAuthorizationCodes } from './sqlite/1763920000000-authorization-codes';
import { SecretRotation1763930000000 as SqliteSecretRotation } from './sqlite/1763930000000-secret-rotation';
import { CustomerUserCreate1763940000000 as SqliteCustomerUserCreate } from './sqlite/1763940000000-customer-user-create';
import { ApplicationUsage1763950000000 as SqliteApplicationUsage } from './sqlite/1763950000000-application-usage';
import { ClientPolicy1763960000000 as SqliteClientPolicy } from './sqlite/1763960000000-client-policy';
import { AuditEvents1763970000000 as SqliteAuditEvents } from './sqlite/1763970000000-audit-events';
import { UserCreate1763980000000 as SqliteUserCreate } from './sqlite/1763980000000-user-create';
import { OrganizationCreate1763990000000 as SqliteOrganizationCreate } from './sqlite/1763990000000-organization-create';
import { MarketplaceListing1764000000000 as SqliteMarketplaceListing } from './sqlite/1764000000000-marketplace-listing';
import { AccountEdit1764010000000 as SqliteAccountEdit } from './sqlite/1764010000000-account-edit';
import { Memberships1764020000000 as SqliteMemberships } from './sqlite/1764020000000-memberships';
import { ClientAuthThrottle1764030000000 as SqliteClientAuthThrottle } from './sqlite/1764030000000-client-auth-throttle';
import { NotificationTenancy1764050000000 as SqliteNotificationTenancy } from './sqlite/1764050000000-notification-tenancy';
import { AuditOrganizations1764060000000 as SqliteAuditOrganizations } from './sqlite/1764060000000-audit-organizations';
import { OpenIdConnect1764072000000 as SqliteOpenIdConnect } from './sqlite/1764072000000-openid-connect';
import { PrivateKeyJwt1764074000000 as SqlitePrivateKeyJwt } from './sqlite/1764074000000-private-key-jwt';
import { SsoRequests1764090000000 as SqliteSsoRequests } from './sqlite/1764090000000-sso-requests';
import { SsoRequestAddress1764100000000 as SqliteSsoRequestAddress } from './sqlite/1764100000000-sso-request-address';

// Listed explicitly (no glob) so the compiled API finds them wherever it is deployed.
const MIGRATIONS = {
  mysql: [MysqlIdentity, MysqlOAuthApplications, MysqlOAuthTokens, MysqlSigningKeys, MysqlNotifications, MysqlUserLocale, MysqlAuthorizationCodes, MysqlSecretRotation, MysqlCustomerUserCreate, MysqlApplicationUsage, MysqlClientPolicy, MysqlAuditEvents, MysqlUserCreate, MysqlOrganizationCreate, MysqlMarketplaceListing, MysqlAccountEdit, MysqlMemberships, MysqlClientAuthThrottle, MysqlNotificationTenancy, MysqlAuditOrganizations, MysqlOpenIdConnect, MysqlPrivateKeyJwt, MysqlSsoRequests, MysqlSsoRequestAddress],
  sqlite: [SqliteIdentity, SqliteOAuthApplications, SqliteOAuthTokens, SqliteSigningKeys, SqliteNotifications, SqliteUserLocale, SqliteAuthorizationCodes, SqliteSecretRotation, SqliteCustomerUserCreate, SqliteApplicationUsage, SqliteClientPolicy, SqliteAuditEvents, SqliteUserCreate, SqliteOrganizationCreate, SqliteMarketplaceListing, SqliteAccountEdit, SqliteMemberships, SqliteClientAuthThrottle, SqliteNotificationTenancy, SqliteAuditOrganizations, SqliteOpenIdConnect, SqlitePrivateKeyJwt, SqliteSsoRequests, SqliteSsoRequestAddress],
};

export function migrationsFor(dialect: DatabaseSettings['dialect']) {
  return MIGRATIONS[dialect];
}
