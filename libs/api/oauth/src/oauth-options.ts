export interface OAuthOptions {
  issuer: string;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  refreshTokensEnabled: boolean;
  passwordGrantEnabled: boolean;
}

export const OAUTH_OPTIONS = Symbol('OAUTH_OPTIONS');

/**
 * `aud` tells the two APIs apart, so their tokens are not interchangeable: back-office
 * applications get tokens for `/admin/api`, storefront applications for `/api`.
 */
export function audienceFor(issuer: string, frontend: boolean): string {
  return frontend ? `${issuer}/api` : `${issuer}/admin/api`;
}
