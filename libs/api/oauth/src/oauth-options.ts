import type { ThrottlePolicy } from '@keyhouse/api-applications';

export interface OAuthOptions {
  issuer: string;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  authCodeTtl: number;
  refreshTokensEnabled: boolean;
  passwordGrantEnabled: boolean;
  /** Wrong client secrets from one client address that throttle it, within what period, and for how long. */
  clientAuthThrottle: ThrottlePolicy;
}

export const OAUTH_OPTIONS = Symbol('OAUTH_OPTIONS');

/**
 * `aud` tells the two APIs apart, so their tokens are not interchangeable: back-office
 * applications get tokens for `/admin/api`, storefront applications for `/api`.
 */
export function audienceFor(issuer: string, frontend: boolean): string {
  return frontend ? `${issuer}/api` : `${issuer}/admin/api`;
}
