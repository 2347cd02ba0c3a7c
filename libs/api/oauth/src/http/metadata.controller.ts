import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Public } from '@keyhouse/api-platform';
import { API_SCOPES } from '@keyhouse/shared-contracts';
import { AuthorizingClients } from '../authorization/authorizing-clients';
import { OAUTH_OPTIONS, type OAuthOptions } from '../oauth-options';
import { TokenEndpoint } from './token.endpoint';

/** RFC 8414 authorization server metadata. */
@Public()
@Controller('.well-known/oauth-authorization-server')
export class MetadataController {
  constructor(
    private readonly tokenEndpoint: TokenEndpoint,
    private readonly authorizingClients: AuthorizingClients,
    @Inject(OAUTH_OPTIONS) private readonly options: OAuthOptions,
  ) {}

  @Get()
  @Header('Cache-Control', 'public, max-age=300')
  async metadata() {
    const { issuer } = this.options;
    // S256 for everyone; plain only while some application is allowed it, so a client reading this
    // neither misses a method it may be given nor is offered one nobody accepts.
    const plainPkce = await this.authorizingClients.anyAllowsPlainPkce();
    return {
      issuer,
      authorization_endpoint: `${issuer}/oauth2-token/authorize`,
      token_endpoint: `${issuer}/oauth2-token`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      revocation_endpoint: `${issuer}/oauth2-token/revoke`,
      introspection_endpoint: `${issuer}/oauth2-token/introspect`,
      grant_types_supported: this.tokenEndpoint.supportedGrantTypes,
      // The back-office API's scopes (what each lets a token do: README, "Tokens"); applications may define their own too.
      scopes_supported: Object.keys(API_SCOPES),
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      // 'none': public clients, which prove themselves with PKCE instead of a secret.
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
      introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      code_challenge_methods_supported: plainPkce ? ['S256', 'plain'] : ['S256'],
      access_token_signing_alg_values_supported: ['RS256'],
      authorization_response_iss_parameter_supported: true,
    };
  }
}
