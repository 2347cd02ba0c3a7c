import { Inject, Injectable } from '@nestjs/common';
import type { ProtocolRequest } from './protocol-server';
import { ClientAuthenticator } from '../clients/client-authenticator';
import { UnauthorizedClientError, UnsupportedGrantTypeError } from '../errors/oauth-errors';
import { GRANTS, type Grant, type TokenResponse } from '../grants/grant';
import { AccessTokens } from '../tokens/access-tokens';
import { UsageRecorder } from '../usage/usage-recorder';
import { checkRequestedScope } from './scope';
import { required } from './token-parameters';

/** POST /oauth2-token (RFC 6749 3.2): a pipeline of named steps, then one grant file does the rest. */
@Injectable()
export class TokenEndpoint {
  private readonly grants: ReadonlyMap<string, Grant>;

  constructor(
    private readonly clients: ClientAuthenticator,
    private readonly accessTokens: AccessTokens,
    private readonly usage: UsageRecorder,
    @Inject(GRANTS) grants: Grant[],
  ) {
    this.grants = new Map(grants.map((grant) => [grant.type, grant]));
  }

  get supportedGrantTypes(): string[] {
    return [...this.grants.values()].filter((grant) => grant.enabled).map((grant) => grant.type);
  }

  async handle(request: ProtocolRequest): Promise<TokenResponse> {
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

  private supportedGrant(type: string): Grant {
    const grant = this.grants.get(type);
    if (!grant?.enabled) throw new UnsupportedGrantTypeError(`The grant type "${type}" is not supported.`);
    return grant;
  }
}
