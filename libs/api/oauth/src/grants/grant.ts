import type { ProtocolClient } from '../clients/protocol-client';
import type { Parameters } from '../http/token-parameters';

/** RFC 6749 5.1 successful token answer. */
export interface TokenResponse {
  token_type: 'Bearer';
  expires_in: number;
  access_token: string;
  refresh_token?: string;
  scope?: string;
  /** OpenID Connect Core 3.1.3.3: authorization code grants with scope `openid`. */
  id_token?: string;
  /** Authorization code grants: the organization the application was installed in (Cinode's `company_id`). */
  organization_id?: number;
}

export interface GrantRequest {
  client: ProtocolClient;
  parameters: Parameters;
  /** The `scope` parameter, already checked against the application's allowed scopes; undefined when absent. */
  requestedScope: string[] | undefined;
  ip: string;
}

/**
 * One grant type, one file: the `grant_type` it answers, whether an application may use it,
 * and how it turns a request into tokens.
 */
export interface Grant {
  readonly type: string;
  /** False when configuration switches the grant off for everyone (then: unsupported_grant_type). */
  readonly enabled: boolean;
  allowedFor(client: ProtocolClient): boolean;
  handle(request: GrantRequest): Promise<TokenResponse>;
}

export const GRANTS = Symbol('GRANTS');
