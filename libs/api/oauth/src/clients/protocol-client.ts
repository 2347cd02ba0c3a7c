import type { OAuthApplication } from '@keyhouse/api-applications';

/** What the protocol needs to know of an application; read on every token request. */
export type ProtocolClient = Pick<
  OAuthApplication,
  | 'id'
  | 'clientId'
  | 'organizationId'
  | 'active'
  | 'grants'
  | 'frontend'
  | 'userId'
  | 'customerUserId'
  | 'confidential'
  | 'tokenEndpointAuthMethod'
  | 'scopes'
  | 'accessTokenTtl'
> & {
  /** The user (or customer user) the application is assigned is enabled and still in its organization. */
  ownerActive: boolean;
  /** Where client_credentials may be used from; empty: anywhere. */
  allowedIpRanges: string[];
};
