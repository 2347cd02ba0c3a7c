import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Exclude, Transform } from 'class-transformer';
import { Allow, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  GRANT_LABELS,
  GRANT_TYPES,
  TOKEN_ENDPOINT_AUTH_METHODS,
  type GrantType,
  type JwkSet,
  type OAuthApplicationChanges,
  type OAuthApplicationInput,
  type TokenEndpointAuthMethod,
} from '@keyhouse/shared-contracts';
import {
  FieldRule,
  IsFlag,
  IsId,
  isId,
  IsIpRangeList,
  IsNonBlankText,
  IsRedirectUriList,
  IsScopeList,
  MAX_ID,
  MAX_TEXT_LENGTH,
  Omittable,
  redirectUriProblem,
  RequestBody,
  Unchangeable,
} from '@keyhouse/api-platform';
import { jwkSetProblem } from './client-keys/jwk-set';

/**
 * The bodies of `POST` and `PUT /admin/api/oauth-applications`: what each field may hold. What
 * depends on other fields or on what is stored (the grants' needs, what may not change, names
 * taken) is the service's, in application-rules.ts.
 */

const NOT_AN_OBJECT = 'Send the application as a JSON object.';
export const ORGANIZATION_PLACEHOLDER = '{organization}';
export const MIN_TOKEN_TTL = 60;
export const MAX_TOKEN_TTL = 86_400;
const NOT_AN_ID = 'Must be an id.';
const ID_SCHEMA = { type: 'integer', minimum: 1, maximum: MAX_ID } as const;
const TOKEN_TTL = `Give a number of seconds from ${MIN_TOKEN_TTL} to ${MAX_TOKEN_TTL}, or leave it empty.`;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
/** A list sent as null is emptied, as it always was. */
const NullAsEmpty = () => Transform(({ value }) => (value === null ? [] : value));

const Flag = (description: string) => applyDecorators(ApiPropertyOptional({ type: Boolean, description }), Omittable(), IsFlag());

const IsApplicationName = () => applyDecorators(Transform(({ value }) => trimmed(value)), IsNonBlankText('Enter a name for the application.'));

const NAME_SCHEMA = { type: String, minLength: 1, maxLength: MAX_TEXT_LENGTH, example: 'ERP Sync', description: 'Application Name, unique in its organization (any letter case).' };

const IsGrantList = () =>
  FieldRule('isGrantList', (grants) => {
    if (!Array.isArray(grants) || grants.length === 0) return 'Choose at least one grant type.';
    const unknown = grants.filter((grant) => !GRANT_TYPES.includes(grant as GrantType));
    if (unknown.length) return `Unknown grant type: ${unknown.map(String).join(', ')}.`;
    return new Set(grants).size === grants.length ? undefined : 'Each grant type may be chosen once.';
  });

/** Where installing sends the browser; `{organization}` is filled in then, so it is checked filled. */
const IsInstallUrl = () =>
  FieldRule('isInstallUrl', (url) => {
    if (typeof url !== 'string') return 'Must be a URL.';
    const problem = redirectUriProblem(url.replaceAll(ORGANIZATION_PLACEHOLDER, '1'));
    return problem && `The install URL ${problem}.`;
  });

const AUTHORIZATION_CODE_ONLY = 'Authorization Code grant only.';
const PRIVATE_KEY_JWT_ONLY = 'private_key_jwt only; one of jwks and jwksUri.';

const isTokenEndpointAuthMethod = (method: unknown) => TOKEN_ENDPOINT_AUTH_METHODS.includes(method as TokenEndpointAuthMethod);

const IsTokenEndpointAuthMethod = () =>
  FieldRule('isTokenEndpointAuthMethod', (method) => (isTokenEndpointAuthMethod(method) ? undefined : `Choose one of ${TOKEN_ENDPOINT_AUTH_METHODS.join(', ')}.`));

/** Where a private_key_jwt client publishes its keys: fetched by the server, so https (http on loopback only), like a redirect URI. */
const IsJwksUri = () =>
  FieldRule('isJwksUri', (url) => {
    if (typeof url !== 'string') return 'Must be a URL.';
    const problem = redirectUriProblem(url);
    return problem && `The JWK Set URL ${problem}.`;
  });

/** The settings an application is created with and that may change afterwards; the name is each body's own (required at creation only). */
class ApplicationSettingsBody {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 100,
    pattern: `${SLUG.source}|^$`,
    example: 'erp-sync',
    description: 'Integration name: URL-safe name the app store uses, unique; made from the application name when left empty (null or empty: the name decides at creation, no change on update).',
  })
  @Transform(({ value }) => (value === '' || value === null ? undefined : value))
  @Omittable()
  @FieldRule('isSlug', (slug) =>
    typeof slug === 'string' && slug.length <= 100 && SLUG.test(slug) ? undefined : 'Use lower-case letters, digits and single dashes (at most 100 characters).',
  )
  slug?: string;

  @Flag('Active: deactivated applications get no new tokens, and the ones they hold are refused. Default true.')
  active?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    example: { keys: [{ kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', kid: '2026-11' }] },
    description: `JWK Set (RFC 7517 5): the public keys the application signs its client assertions with: RSA of 2048 bits or more, EC P-256, Ed25519 or Ed448; never a private or symmetric key. ${PRIVATE_KEY_JWT_ONLY}`,
  })
  @IsOptional()
  @FieldRule('isJwkSet', jwkSetProblem)
  jwks?: JwkSet | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://app.example.com/.well-known/jwks.json',
    description: `JWK Set URL: where the application publishes its public keys; https (http only on localhost), read and cached by the server. ${PRIVATE_KEY_JWT_ONLY}`,
  })
  @Transform(({ value }) => (value === '' ? null : trimmed(value)))
  @IsOptional()
  @IsJwksUri()
  jwksUri?: string | null;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    maxItems: 20,
    uniqueItems: true,
    example: ['https://app.example.com/oauth/callback'],
    description: `Redirect URIs: absolute https URLs (http only on localhost), without fragment or wildcard; null: none. ${AUTHORIZATION_CODE_ONLY}`,
  })
  @NullAsEmpty()
  @Omittable()
  @IsRedirectUriList(20)
  redirectUris?: string[];

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    maxItems: 100,
    uniqueItems: true,
    example: ['orders:read'],
    description: 'Scopes (RFC 6749 3.3 scope tokens: no spaces, quotes or backslashes); none is fine, null too.',
  })
  @NullAsEmpty()
  @Omittable()
  @IsScopeList(100)
  scopes?: string[];

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: MIN_TOKEN_TTL,
    maximum: MAX_TOKEN_TTL,
    example: 3600,
    description: "Access token lifetime (seconds); null uses the server's default.",
  })
  @IsOptional()
  @IsInt({ message: TOKEN_TTL })
  @Min(MIN_TOKEN_TTL, { message: TOKEN_TTL })
  @Max(MAX_TOKEN_TTL, { message: TOKEN_TTL })
  accessTokenTtl?: number | null;

  @Flag(`First-party application: trusted, run by the platform's own team; users of its organization are not asked for consent. Set by platform operators only. ${AUTHORIZATION_CODE_ONLY}`)
  firstParty?: boolean;

  @Flag(`Allow plain PKCE: also accept code_challenge_method=plain; S256 is always accepted. ${AUTHORIZATION_CODE_ONLY}`)
  allowPlainPkce?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://app.example.com/install?account={organization}',
    description: `Install URL: opened when the app is installed, ${ORGANIZATION_PLACEHOLDER} replaced by the organization's id; https (http only on localhost); empty: installing grants access at once. ${AUTHORIZATION_CODE_ONLY}`,
  })
  @Transform(({ value }) => (value === '' ? null : trimmed(value)))
  @IsOptional()
  @IsInstallUrl()
  installUrl?: string | null;

  @Flag(`Listed in the marketplace: offered to every organization under Install app. Back-office applications with the ${AUTHORIZATION_CODE_ONLY}`)
  listed?: boolean;

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    maxItems: 50,
    uniqueItems: true,
    example: ['10.0.0.0/8', '2001:db8::/32'],
    description:
      'Allowed IP ranges (addresses or CIDR, IPv4 or IPv6), each once: Client Credentials requests from other addresses are refused; empty or null allows any address.',
  })
  @Transform(({ value }) => (value === null ? [] : Array.isArray(value) ? value.map(trimmed) : value))
  @Omittable()
  @IsIpRangeList(50)
  allowedIpRanges?: string[];
}

@RequestBody(NOT_AN_OBJECT)
export class CreateApplicationBody extends ApplicationSettingsBody implements OAuthApplicationInput {
  @ApiProperty(NAME_SCHEMA)
  @IsApplicationName()
  name!: string;

  @ApiPropertyOptional({ ...ID_SCHEMA, nullable: true, example: 1, description: 'The organization; may be left out by whoever can create applications in only one.' })
  @IsOptional()
  @IsId(NOT_AN_ID)
  organizationId?: number | null;

  @ApiProperty({
    enum: GRANT_TYPES,
    isArray: true,
    minItems: 1,
    uniqueItems: true,
    example: ['client_credentials'],
    description: `Grants: ${GRANT_TYPES.map((grant) => `${grant} (${GRANT_LABELS[grant]})`).join(', ')}. Refresh tokens follow password and authorization_code.`,
  })
  @IsGrantList()
  grants!: GrantType[];

  @Flag('Application type: false (default) acts for back-office users, true is a storefront application acting for customer users.')
  frontend?: boolean;

  @ApiPropertyOptional({
    ...ID_SCHEMA,
    nullable: true,
    example: 7,
    description: 'The user (customer user for a storefront application) the application acts as; required for Client Credentials.',
  })
  @IsOptional()
  @IsId(NOT_AN_ID)
  userId?: number | null;

  @Flag('false: a public client, for apps that cannot keep a secret: no client secret, PKCE instead (Authorization Code only). Default true.')
  confidential?: boolean;

  @ApiPropertyOptional({
    enum: TOKEN_ENDPOINT_AUTH_METHODS,
    description:
      'Client authentication at the token, revocation and introspection endpoints: client_secret_basic (default; a secret, sent with HTTP Basic or in the body), client_secret_post (the same), private_key_jwt (no secret: assertions signed with its own key, whose public part is in jwks or jwksUri), none (a public client, and only a public client).',
  })
  @Omittable()
  @IsTokenEndpointAuthMethod()
  tokenEndpointAuthMethod?: TokenEndpointAuthMethod;
}

const fixed = (label: string) => `${label} cannot be changed after creation.`;
const setByServer = (field: string) => `${field} is set by the server and cannot be changed.`;

/**
 * Sent back by react-admin with the record it shows: refused when it differs from what is stored,
 * by the pipe already when it is not even of the kind `takes` says the record holds.
 */
const Echoed = (schema: ApiPropertyOptions, refusal: string, takes: (value: unknown) => boolean) =>
  applyDecorators(ApiPropertyOptional({ ...schema, description: `May be sent back unchanged, never changed: ${refusal}` }), Unchangeable(refusal, takes));

const isFlag = (value: unknown) => typeof value === 'boolean';
const isText = (value: unknown) => typeof value === 'string';
const isIdOrNull = (value: unknown) => value === null || isId(value);

/**
 * State that moves on its own (use, failed sign-ins): what a client sends back is stale, so
 * dropped unread, whatever its value (the document says any: a schema without a type).
 */
const Ignored = () =>
  applyDecorators(
    ApiPropertyOptional({ type: Array, anyOf: [{}], description: 'Server state: may be sent back, ignored whatever its value.' }),
    Allow(),
    Exclude(),
  );

/**
 * The body of an update: any of the settings, and the rest of the record as react-admin sends it
 * back. What was chosen at creation or is set by the server is refused only when it differs from
 * what is stored.
 */
@RequestBody(NOT_AN_OBJECT)
export class UpdateApplicationBody extends ApplicationSettingsBody implements OAuthApplicationChanges {
  @ApiPropertyOptional(NAME_SCHEMA)
  @Omittable()
  @IsApplicationName()
  name?: string;

  @Echoed(ID_SCHEMA, fixed('The organization'), isId)
  organizationId?: unknown;

  @Echoed({ enum: GRANT_TYPES, isArray: true }, fixed('The grant types'), Array.isArray)
  grants?: unknown;

  @Echoed({ type: Boolean }, fixed('The application type'), isFlag)
  frontend?: unknown;

  @Echoed({ ...ID_SCHEMA, nullable: true }, fixed('The user'), isIdOrNull)
  userId?: unknown;

  @Echoed({ type: Boolean }, fixed('Whether the client is public'), isFlag)
  confidential?: unknown;

  @Echoed({ enum: TOKEN_ENDPOINT_AUTH_METHODS }, fixed('The client authentication'), isTokenEndpointAuthMethod)
  tokenEndpointAuthMethod?: unknown;

  @Echoed(ID_SCHEMA, setByServer('id'), isId)
  id?: unknown;

  @Echoed({ type: String }, setByServer('clientId'), isText)
  clientId?: unknown;

  @Echoed({ type: String, format: 'date-time' }, setByServer('createdAt'), isText)
  createdAt?: unknown;

  @Echoed({ ...ID_SCHEMA, nullable: true }, setByServer('createdBy'), isIdOrNull)
  createdBy?: unknown;

  @Ignored()
  updatedAt?: unknown;

  @Ignored()
  lastUsedAt?: unknown;

  @Ignored()
  owner?: unknown;

  @Ignored()
  failedAuthentications?: unknown;

  @Ignored()
  lockedUntil?: unknown;

  @Ignored()
  dormant?: unknown;
}
