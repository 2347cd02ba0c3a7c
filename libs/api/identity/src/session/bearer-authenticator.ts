import type { Permission } from '@keyhouse/shared-contracts';

/** What a back-office access token lets its bearer do: act as its user, in one organization, within its scopes. */
export interface BackOfficeTokenAccess {
  userId: number;
  /** The application's organization, or the installation's for a token given by consent. */
  organizationId: number;
  /** The permissions its scopes grant; undefined: the application has no scopes, so all of its user's there. */
  allowed?: ReadonlySet<Permission>;
  application: { id: number; clientId: string };
}

/**
 * Implemented by the OAuth library: identity cannot depend on the protocol, so it asks through
 * this token. Answers what a Bearer token may do, or undefined if it is refused.
 */
export interface BearerAuthenticator {
  backOfficeAccess(token: string): Promise<BackOfficeTokenAccess | undefined>;
}

export const BEARER_AUTHENTICATOR = Symbol('BEARER_AUTHENTICATOR');
