import { Module, type DynamicModule } from '@nestjs/common';
import { ClientAuthThrottleRepository } from '@keyhouse/api-applications';
import { BEARER_AUTHENTICATOR } from '@keyhouse/api-identity';
import { AppStart } from './authorization/app-start';
import { AuthorizationCodes } from './authorization/authorization-codes';
import { AuthorizationController } from './authorization/authorization.controller';
import { AuthorizationFlow } from './authorization/authorization-flow';
import { AuthorizingClients } from './authorization/authorizing-clients';
import { SignInPages } from './authorization/sign-in-pages';
import { Visitors } from './authorization/visitors';
import { ClientAuthenticator } from './clients/client-authenticator';
import { ClientKeySets } from './clients/client-key-sets';
import { PrivateKeyJwt } from './clients/private-key-jwt';
import { ProtocolQueries } from './clients/protocol-queries';
import { AuthorizationCodeGrant } from './grants/authorization-code.grant';
import { ClientCredentialsGrant } from './grants/client-credentials.grant';
import { GRANTS } from './grants/grant';
import { PasswordGrant } from './grants/password.grant';
import { RefreshTokenGrant } from './grants/refresh-token.grant';
import { IntrospectionEndpoint } from './http/introspection.endpoint';
import { MetadataController } from './http/metadata.controller';
import type { ProtocolServer } from './http/protocol-server';
import { RevocationEndpoint } from './http/revocation.endpoint';
import { TokenEndpoint } from './http/token.endpoint';
import { UserInfoEndpoint } from './http/userinfo.endpoint';
import { AppInstallController, InstallationsController, MarketplaceAppsController } from './installations/installations.controller';
import { Installations } from './installations/installations';
import { InstallationsRepository } from './installations/installations.repository';
import { InstallationsService } from './installations/installations.service';
import { OAUTH_OPTIONS, type OAuthOptions } from './oauth-options';
import { BearerTokens } from './resource/bearer-tokens';
import { StorefrontAuthGuard, StorefrontBearerStrategy } from './resource/storefront-auth.guard';
import { StorefrontController } from './resource/storefront.controller';
import { StorefrontService } from './resource/storefront.service';
import { Subjects } from './subjects';
import { AccessTokens } from './tokens/access-tokens';
import { IdTokens } from './tokens/id-tokens';
import { RefreshTokens } from './tokens/refresh-tokens';
import { UsageEvents } from './usage/usage-events';
import { UsageRecorder } from './usage/usage-recorder';

/** Adding a grant: one file, and one line here. */
const GRANT_CLASSES = [ClientCredentialsGrant, PasswordGrant, RefreshTokenGrant, AuthorizationCodeGrant];

@Module({})
export class OAuthModule {
  /**
   * `usage`: where usage events go instead of this process's UsageRecorder (a node:cluster
   * worker hands them to its primary).
   */
  static forRoot(options: OAuthOptions, usage?: UsageEvents): DynamicModule {
    return {
      module: OAuthModule,
      // Global so identity's back-office guard can take Bearer tokens through BEARER_AUTHENTICATOR.
      global: true,
      controllers: [
        MetadataController,
        StorefrontController,
        AuthorizationController,
        InstallationsController,
        MarketplaceAppsController,
        AppInstallController,
      ],
      providers: [
        { provide: OAUTH_OPTIONS, useValue: options },
        ...GRANT_CLASSES,
        { provide: GRANTS, useFactory: (...grants: unknown[]) => grants, inject: GRANT_CLASSES },
        ProtocolQueries,
        ClientAuthThrottleRepository,
        ClientAuthenticator,
        PrivateKeyJwt,
        // Its cache of fetched jwks_uri sets lives as long as the instance.
        { provide: ClientKeySets, useFactory: () => new ClientKeySets() },
        AccessTokens,
        IdTokens,
        RefreshTokens,
        Subjects,
        ...(usage ? [{ provide: UsageEvents, useValue: usage }] : [UsageRecorder, { provide: UsageEvents, useExisting: UsageRecorder }]),
        TokenEndpoint,
        RevocationEndpoint,
        IntrospectionEndpoint,
        UserInfoEndpoint,
        BearerTokens,
        StorefrontService,
        StorefrontBearerStrategy,
        StorefrontAuthGuard,
        AuthorizingClients,
        AuthorizationCodes,
        AuthorizationFlow,
        Visitors,
        SignInPages,
        AppStart,
        Installations,
        InstallationsRepository,
        InstallationsService,
        { provide: BEARER_AUTHENTICATOR, useExisting: BearerTokens },
      ],
      exports: [BEARER_AUTHENTICATOR],
    };
  }
}

/** The protocol endpoints, served on node:http ahead of the framework (see ProtocolServer). */
export function mountOAuthEndpoints(
  server: ProtocolServer,
  endpoints: { token: TokenEndpoint; revocation: RevocationEndpoint; introspection: IntrospectionEndpoint; userinfo: UserInfoEndpoint },
): void {
  server.mount({
    '/oauth2-token': { methods: ['POST'], handle: (request) => endpoints.token.handle(request) },
    '/oauth2-token/revoke': { methods: ['POST'], handle: (request) => endpoints.revocation.handle(request) },
    '/oauth2-token/introspect': { methods: ['POST'], handle: (request) => endpoints.introspection.handle(request) },
    '/oauth2-token/userinfo': { methods: ['GET', 'POST'], handle: (request) => endpoints.userinfo.handle(request) },
  });
}
