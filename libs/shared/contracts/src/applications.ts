import type { JwkSet, TokenEndpointAuthMethod } from './client-authentication';

/** Grants an application may be given at creation; refresh tokens follow password and authorization_code. */
export const GRANT_TYPES = ['client_credentials', 'password', 'authorization_code'] as const;

export type GrantType = (typeof GRANT_TYPES)[number];

export const GRANT_LABELS: Record<GrantType, string> = {
  client_credentials: 'Client Credentials',
  password: 'Password',
  authorization_code: 'Authorization Code',
};

/** The user (back-office) or customer user (storefront) an application acts as. */
export interface ApplicationOwnerDto {
  id: number;
  name: string;
  email: string;
}

/** An OAuth application as every answer shows it: never a secret, never a digest. */
export interface OAuthApplicationDto {
  id: number;
  name: string;
  /** Unique, URL-safe: the marketplace "integration name". */
  slug: string;
  organizationId: number;
  active: boolean;
  grants: GrantType[];
  /** false: acts for back-office users; true: a storefront application acting for customer users. */
  frontend: boolean;
  /** The user (or customer user when `frontend`) the application acts as; required for client_credentials. */
  userId: number | null;
  owner: ApplicationOwnerDto | null;
  /** false: a public client, no secret, PKCE only. */
  confidential: boolean;
  /** How it proves itself at the token, revocation and introspection endpoints; `none` for a public client, fixed at creation. */
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  /** private_key_jwt: the public keys its assertions are verified with, unless `jwksUri` publishes them. */
  jwks: JwkSet | null;
  /** private_key_jwt: where it publishes its public keys. */
  jwksUri: string | null;
  redirectUris: string[];
  scopes: string[];
  /** Seconds; null means the server's ACCESS_TOKEN_TTL. */
  accessTokenTtl: number | null;
  /** Trusted (built by the operator): users are not asked for consent. */
  firstParty: boolean;
  /** Accept `code_challenge_method=plain` (RFC 7636 4.2); S256 only otherwise. */
  allowPlainPkce: boolean;
  /** Opened when the application is installed; `{organization}` is replaced by the organization's id. */
  installUrl: string | null;
  /**
   * Offered to every organization in the console's "Install app" dialog (`marketplace-apps`).
   * Unlisted applications are offered to their own organization only; anyone who knows the
   * integration name may still start an install (`/oauth/start`, `POST .../apps/installed`).
   */
  listed: boolean;
  /** CIDR ranges (or addresses) client_credentials may be used from; empty: anywhere. */
  allowedIpRanges: string[];
  /**
   * Wrong client secrets still counting, all client addresses together: those in each address's
   * current window or throttle (a success clears its address, `POST .../unlock` every address).
   */
  failedAuthentications: number;
  /**
   * Set while some client addresses are throttled after too many wrong secrets: when the last of
   * those throttles ends. Other addresses are not affected; `POST .../unlock` ends them all early.
   */
  lockedUntil: string | null;
  clientId: string;
  createdAt: string;
  updatedAt: string;
  lastUsedAt: string | null;
  createdBy: number | null;
  /** No token issued for DORMANT_AFTER_DAYS days, counted from `lastUsedAt`, or `createdAt` if never used. */
  dormant: boolean;
}

/** Answer of `POST /admin/api/oauth-applications`: the only time the secret is ever shown. */
export interface CreatedOAuthApplicationDto extends OAuthApplicationDto {
  clientSecret: string | null;
}

/** Answer of `POST /admin/api/oauth-applications/:id/secret`. */
export interface ClientCredentialsDto {
  clientId: string;
  clientSecret: string;
}

/** What an application is created with and may change afterwards. */
export interface OAuthApplicationSettings {
  name: string;
  slug?: string;
  active?: boolean;
  /** private_key_jwt: its public keys, or `jwksUri`: one of the two, and only for private_key_jwt. */
  jwks?: JwkSet | null;
  jwksUri?: string | null;
  redirectUris?: string[];
  scopes?: string[];
  accessTokenTtl?: number | null;
  firstParty?: boolean;
  allowPlainPkce?: boolean;
  installUrl?: string | null;
  listed?: boolean;
  allowedIpRanges?: string[];
}

/** Body of create: the settings, and what is chosen at creation and never changed. */
export interface OAuthApplicationInput extends OAuthApplicationSettings {
  /** Absent or null: the only organization where the caller may create applications. */
  organizationId?: number | null;
  grants: GrantType[];
  frontend?: boolean;
  userId?: number | null;
  confidential?: boolean;
  /** Default client_secret_basic, or `none` for a public client, the only one that is `none`. */
  tokenEndpointAuthMethod?: TokenEndpointAuthMethod;
}

/**
 * Body of update: any of the settings. react-admin also sends the rest of the record back; what
 * was chosen at creation or is set by the server is refused if it differs from what is stored.
 */
export type OAuthApplicationChanges = Partial<OAuthApplicationSettings>;

/** `GET /admin/api/system/oauth`: whether tokens can be signed. */
export interface OAuthAvailabilityDto {
  available: boolean;
  message: string;
}

/** Oro's wording, shown in the grid, the view page and the user block when the keys are missing. */
export const KEYS_MISSING_MESSAGE =
  'OAuth authorization is not available as encryption keys configuration was not complete. Please contact your administrator.';
