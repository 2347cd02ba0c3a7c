import { CLIENT_ASSERTION_ALGORITHMS, TOKEN_ENDPOINT_AUTH_METHODS } from '@keyhouse/shared-contracts';

const WITH_A_CLIENT = TOKEN_ENDPOINT_AUTH_METHODS.filter((method) => method !== 'none');

/**
 * How clients authenticate at each endpoint (RFC 8414 2): one list for the RFC 8414 document and
 * OpenID Connect Discovery alike, so the two always agree. `none` is a public client: it proves
 * itself with PKCE at the token endpoint and may revoke its own tokens (RFC 7009 2.1), but it
 * cannot introspect (RFC 7662 2.1). The signing algorithms are those of private_key_jwt.
 */
export const CLIENT_AUTHENTICATION_METADATA = {
  token_endpoint_auth_methods_supported: [...TOKEN_ENDPOINT_AUTH_METHODS],
  token_endpoint_auth_signing_alg_values_supported: [...CLIENT_ASSERTION_ALGORITHMS],
  revocation_endpoint_auth_methods_supported: [...TOKEN_ENDPOINT_AUTH_METHODS],
  revocation_endpoint_auth_signing_alg_values_supported: [...CLIENT_ASSERTION_ALGORITHMS],
  introspection_endpoint_auth_methods_supported: WITH_A_CLIENT,
  introspection_endpoint_auth_signing_alg_values_supported: [...CLIENT_ASSERTION_ALGORITHMS],
};
