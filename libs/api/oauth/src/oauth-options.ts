export interface OAuthOptions {
  issuer: string;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  authCodeTtl: number;
  refreshTokensEnabled: boolean;
  passwordGrantEnabled: boolean;
  /** Failed client authentications in a row that lock an application, and for how long. */
  clientLockout: { maxFailures: number; lockSeconds: number };
}

export const OAUTH_OPTIONS = Symbol('OAUTH_OPTIONS');

/**
 * `aud` tells the two APIs apart, so their tokens are not interchangeable: back-office
 * applications get tokens for `/admin/api`, storefront applications for `/api`.
 */
export function audienceFor(issuer: string, frontend: boolean): string {
  return frontend ? `${issuer}/api` : `${issuer}/admin/api`;
}
