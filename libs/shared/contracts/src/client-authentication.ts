/**
 * How an application authenticates at the token, revocation and introspection endpoints (the
 * `token_endpoint_auth_method` values of OpenID Connect Dynamic Client Registration 1.0 2):
 * a client secret, sent with HTTP Basic or in the body (either is accepted from an application
 * registered with either); a JWT signed with its own private key (RFC 7523 2.2, OpenID Connect
 * Core 1.0 9); or nothing, for a public client.
 */
export const TOKEN_ENDPOINT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'] as const;

export type TokenEndpointAuthMethod = (typeof TOKEN_ENDPOINT_AUTH_METHODS)[number];

export const TOKEN_ENDPOINT_AUTH_METHOD_LABELS: Record<TokenEndpointAuthMethod, string> = {
  client_secret_basic: 'Client secret (HTTP Basic)',
  client_secret_post: 'Client secret (in the body)',
  private_key_jwt: 'Private key JWT (no secret)',
  none: 'None (public client)',
};

/** Methods that prove a client with a secret it was given: the only ones that have secrets. */
export const usesClientSecret = (method: TokenEndpointAuthMethod): boolean => method === 'client_secret_basic' || method === 'client_secret_post';

/**
 * The JWS algorithms (RFC 7518 3.1, RFC 8037 3.1) a private_key_jwt assertion may be signed
 * with, each only by a key of its type: never `none`, never an HMAC keyed with something shared.
 */
export const CLIENT_ASSERTION_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

export type ClientAssertionAlgorithm = (typeof CLIENT_ASSERTION_ALGORITHMS)[number];

/** A JWK Set (RFC 7517 5) as registered: public keys only. */
export interface JwkSet {
  keys: Array<{ kty: string; kid?: string; use?: string; alg?: string; [member: string]: string | string[] | undefined }>;
}
