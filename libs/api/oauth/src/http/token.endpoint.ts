import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ProtocolRequest } from './protocol-server';
import { ClientAuthenticator } from '../clients/client-authenticator';
import { OAuthError, UnauthorizedClientError, UnsupportedGrantTypeError } from '../errors/oauth-errors';
import { GRANTS, type Grant, type TokenResponse } from '../grants/grant';
import { AccessTokens } from '../tokens/access-tokens';
import { UsageEvents } from '../usage/usage-events';
import { checkRequestedScope } from './scope';
import { required } from './token-parameters';
import { TOKEN_REQUEST_OBSERVER, type TokenRequestObserver } from './token-request-observer';

/** POST /oauth2-token (RFC 6749 3.2): a pipeline of named steps, then one grant file does the rest. */
@Injectable()
export class TokenEndpoint {
  private readonly grants: ReadonlyMap<string, Grant>;

  constructor(
    private readonly clients: ClientAuthenticator,
    private readonly accessTokens: AccessTokens,
    private readonly usage: UsageEvents,
    @Inject(GRANTS) grants: Grant[],
    @Optional() @Inject(TOKEN_REQUEST_OBSERVER) private readonly observer?: TokenRequestObserver,
  ) {
    this.grants = new Map(grants.map((grant) => [grant.type, grant]));
  }

  get supportedGrantTypes(): string[] {
    return [...this.grants.values()].filter((grant) => grant.enabled).map((grant) => grant.type);
  }

  async handle(request: ProtocolRequest): Promise<TokenResponse> {
    if (!this.observer) return this.issue(request);
    const started = performance.now();
    let outcome = 'success';
    try {
      return await this.issue(request);
    } catch (error) {
      // Anything else is answered `server_error` (see oauthErrorAnswer).
      outcome = error instanceof OAuthError ? error.error : 'server_error';
      throw error;
    } finally {
      this.observer.tokenRequest(this.grantLabel(request.body), outcome, (performance.now() - started) / 1000);
    }
  }

  private async issue(request: ProtocolRequest): Promise<TokenResponse> {
    const { client, parameters } = await this.clients.authenticateRequest(request);
    // 503 before any grant acts (a refresh token spent, a password tried) while no key can sign.
    this.accessTokens.signingKey();
    const grant = this.supportedGrant(required(parameters, 'grant_type'));
    if (!grant.allowedFor(client)) throw new UnauthorizedClientError(`This application may not use the ${grant.type} grant.`);
    const requestedScope = checkRequestedScope(parameters.get('scope'), client);
    const response = await grant.handle({ client, parameters, requestedScope, ip: request.ip });
    this.usage.applicationUsed(client.id);
    return response;
  }

  /** A known grant type or `unknown`: whatever a client sends must not become a label of its own. */
  private grantLabel(body: unknown): string {
    const type = (body as Record<string, unknown> | undefined)?.['grant_type'];
    return typeof type === 'string' && this.grants.has(type) ? type : 'unknown';
  }

  private supportedGrant(type: string): Grant {
    const grant = this.grants.get(type);
    if (!grant?.enabled) throw new UnsupportedGrantTypeError(`The grant type "${type}" is not supported.`);
    return grant;
  }
}
