export * from './entities';
export * from './oauth.module';
export type { OAuthOptions } from './oauth-options';
export { TokenEndpoint } from './http/token.endpoint';
export { RevocationEndpoint } from './http/revocation.endpoint';
export { IntrospectionEndpoint } from './http/introspection.endpoint';
export { ProtocolServer } from './http/protocol-server';
