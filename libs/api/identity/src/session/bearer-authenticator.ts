/**
 * Implemented by the OAuth library: identity cannot depend on the protocol, so it asks through
 * this token. Answers the back-office user a Bearer token acts as, or undefined if it is refused.
 */
export interface BearerAuthenticator {
  backOfficeUserId(token: string): Promise<number | undefined>;
}

export const BEARER_AUTHENTICATOR = Symbol('BEARER_AUTHENTICATOR');
