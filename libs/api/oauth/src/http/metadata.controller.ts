import { Controller, Get, Header, Inject } from '@nestjs/common';
import { SigningKeysService } from '@keyhouse/api-keys';
import { Public } from '@keyhouse/api-platform';
import { API_SCOPES, OPENID_SCOPES } from '@keyhouse/shared-contracts';
import { AuthorizingClients } from '../authorization/authorizing-clients';
import { OAUTH_OPTIONS, type OAuthOptions } from '../oauth-options';
import { ID_TOKEN_CLAIMS, SCOPE_CLAIMS } from '../openid/claims';
import { CLIENT_AUTHENTICATION_METADATA } from './client-authentication-metadata';
import { TokenEndpoint } from './token.endpoint';

/**
 * RFC 8414 authorization server metadata and OpenID Connect Discovery 1.0 (section 3): one
 * document at both addresses, so the two can never disagree. Every OpenID field is registered
 * for RFC 8414 metadata too (RFC 8414 7.1.2).
 */
@Public()
@Controller('.well-known')
export class MetadataController {
  constructor(
    private readonly tokenEndpoint: TokenEndpoint,
    private readonly authorizingClients: AuthorizingClients,
    private readonly signingKeys: SigningKeysService,
    @Inject(OAUTH_OPTIONS) private readonly options: OAuthOptions,
  ) {}

  @Get('oauth-authorization-server')
  @Header('Cache-Control', 'public, max-age=300')
  authorizationServer() {
    return this.metadata();
  }

  @Get('openid-configuration')
  @Header('Cache-Control', 'public, max-age=300')
  openidConfiguration() {
    return this.metadata();
  }

  private async metadata() {
    const { issuer } = this.options;
    // S256 for everyone; plain only while some application is allowed it, so a client reading this
    // neither misses a method it may be given nor is offered one nobody accepts.
    const [plainPkce, signingAlgorithms] = await Promise.all([this.authorizingClients.anyAllowsPlainPkce(), this.signingKeys.algorithms()]);
    return {
      issuer,
      authorization_endpoint: `${issuer}/oauth2-token/authorize`,
      token_endpoint: `${issuer}/oauth2-token`,
      userinfo_endpoint: `${issuer}/oauth2-token/userinfo`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      revocation_endpoint: `${issuer}/oauth2-token/revoke`,
      introspection_endpoint: `${issuer}/oauth2-token/introspect`,
      grant_types_supported: this.tokenEndpoint.supportedGrantTypes,
      // OpenID Connect's, and the back-office API's (what each lets a token do: README, "Tokens"); applications may define their own too.
      scopes_supported: [...OPENID_SCOPES, ...Object.keys(API_SCOPES)],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      ...CLIENT_AUTHENTICATION_METADATA,
      code_challenge_methods_supported: plainPkce ? ['S256', 'plain'] : ['S256'],
      // OAUTH_SIGNING_ALG's, and during a change of algorithm the old one's while its tokens live.
      access_token_signing_alg_values_supported: signingAlgorithms,
      authorization_response_iss_parameter_supported: true,
      // Discovery 3: subjects are the same for every client ("public"); ID tokens signed like access tokens.
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: signingAlgorithms,
      claims_supported: [...ID_TOKEN_CLAIMS, ...Object.values(SCOPE_CLAIMS).flat()],
      // Request objects (Core 6) are not supported; request_uri's default is true, so say it.
      request_parameter_supported: false,
      request_uri_parameter_supported: false,
    };
  }
}
