import { ApiProperty } from '@nestjs/swagger';
import {
  GRANT_TYPES,
  TOKEN_ENDPOINT_AUTH_METHODS,
  USAGE_DAYS,
  type ApplicationOwnerDto,
  type ApplicationSummaryDto,
  type ApplicationUsageDayDto,
  type ApplicationUsageDto,
  type ClientCredentialsDto,
  type ClientSecretDto,
  type CreatedClientSecretDto,
  type CreatedOAuthApplicationDto,
  type DormancyPolicyDto,
  type GrantType,
  type JwkSet,
  type OAuthApplicationDto,
  type TokenEndpointAuthMethod,
} from '@keyhouse/shared-contracts';

/** The answers of the applications routes, as the OpenAPI document describes them; the contracts say what each field means. */

export class ApplicationOwnerAnswer implements ApplicationOwnerDto {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  email!: string;
}

export class OAuthApplicationAnswer implements OAuthApplicationDto {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'Unique, URL-safe: the marketplace "integration name".' })
  slug!: string;

  @ApiProperty({ type: 'integer' })
  organizationId!: number;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ enum: GRANT_TYPES, enumName: 'GrantType', isArray: true })
  grants!: GrantType[];

  @ApiProperty({ description: 'A storefront application, acting for customer users.' })
  frontend!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The user (customer user when `frontend`) the application acts as.' })
  userId!: number | null;

  @ApiProperty({ type: () => ApplicationOwnerAnswer, nullable: true })
  owner!: ApplicationOwnerAnswer | null;

  @ApiProperty({ description: 'false: a public client, no secret, PKCE only.' })
  confidential!: boolean;

  @ApiProperty({
    enum: TOKEN_ENDPOINT_AUTH_METHODS,
    enumName: 'TokenEndpointAuthMethod',
    description: 'How it authenticates at the token, revocation and introspection endpoints: a client secret, private_key_jwt (no secret), none (a public client).',
  })
  tokenEndpointAuthMethod!: TokenEndpointAuthMethod;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'private_key_jwt: the JWK Set (public keys) its assertions are verified with.' })
  jwks!: JwkSet | null;

  @ApiProperty({ type: String, nullable: true, description: 'private_key_jwt: where it publishes its JWK Set.' })
  jwksUri!: string | null;

  @ApiProperty({ type: [String] })
  redirectUris!: string[];

  @ApiProperty({ type: [String] })
  scopes!: string[];

  @ApiProperty({ type: 'integer', nullable: true, description: "Seconds; null: the server's ACCESS_TOKEN_TTL." })
  accessTokenTtl!: number | null;

  @ApiProperty({ description: 'Trusted: users are not asked for consent.' })
  firstParty!: boolean;

  @ApiProperty({ description: 'Accepts `code_challenge_method=plain`.' })
  allowPlainPkce!: boolean;

  @ApiProperty({ type: String, nullable: true })
  installUrl!: string | null;

  @ApiProperty({ description: 'Offered to every organization in the marketplace.' })
  listed!: boolean;

  @ApiProperty({ type: [String], description: 'CIDR ranges or addresses client_credentials may be used from; empty: anywhere.' })
  allowedIpRanges!: string[];

  @ApiProperty({ type: 'integer', minimum: 0 })
  failedAuthentications!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lockedUntil!: string | null;

  @ApiProperty()
  clientId!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt!: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  createdBy!: number | null;

  @ApiProperty()
  dormant!: boolean;
}

export class CreatedOAuthApplicationAnswer extends OAuthApplicationAnswer implements CreatedOAuthApplicationDto {
  @ApiProperty({ type: String, nullable: true, description: 'Shown this once; null for a public client and for private_key_jwt.' })
  clientSecret!: string | null;
}

export class ClientCredentialsAnswer implements ClientCredentialsDto {
  @ApiProperty()
  clientId!: string;

  @ApiProperty({ description: 'Shown this once.' })
  clientSecret!: string;
}

export class ClientSecretAnswer implements ClientSecretDto {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null: valid until revoked.' })
  expiresAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt!: string | null;
}

export class CreatedClientSecretAnswer extends ClientSecretAnswer implements CreatedClientSecretDto {
  @ApiProperty()
  clientId!: string;

  @ApiProperty({ description: 'Shown this once.' })
  clientSecret!: string;
}

export class ApplicationUsageDayAnswer implements ApplicationUsageDayDto {
  @ApiProperty({ format: 'date', description: 'UTC.' })
  day!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  tokensIssued!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  failedAuthentications!: number;
}

export class ApplicationUsageAnswer implements ApplicationUsageDto {
  @ApiProperty({ type: [ApplicationUsageDayAnswer], minItems: USAGE_DAYS.min, maxItems: USAGE_DAYS.max, description: 'Oldest first, today included.' })
  days!: ApplicationUsageDayAnswer[];
}

export class DormancyPolicyAnswer implements DormancyPolicyDto {
  @ApiProperty({ type: 'integer' })
  dormantAfterDays!: number;

  @ApiProperty({ type: 'integer', nullable: true })
  deactivateAfterDays!: number | null;
}

export class ApplicationSummaryAnswer implements ApplicationSummaryDto {
  @ApiProperty({ type: 'integer', minimum: 0 })
  active!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  inactive!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Active or not, as the Dormant filter of the list finds them.' })
  dormant!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'On the current UTC day; the last seconds may not be counted yet.' })
  tokensIssuedToday!: number;
}
