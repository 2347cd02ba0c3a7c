import { Injectable } from '@nestjs/common';
import type { ProtocolRequest } from './protocol-server';
import { ClientAuthenticator } from '../clients/client-authenticator';
import { AccessTokens } from '../tokens/access-tokens';
import { RefreshTokens } from '../tokens/refresh-tokens';
import { required } from './token-parameters';

/**
 * POST /oauth2-token/revoke (RFC 7009). Answers 200 whatever the token was (2.2): unknown,
 * expired or another client's token is left alone, and the answer tells nothing about it.
 */
@Injectable()
export class RevocationEndpoint {
  constructor(
    private readonly clients: ClientAuthenticator,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
  ) {}

  async handle(request: ProtocolRequest): Promise<Record<string, never>> {
    const { client, parameters } = await this.clients.authenticateRequest(request);
    const token = required(parameters, 'token');

    const access = await this.accessTokens.verify(token);
    if (access) {
      if (access.claims.client_id === client.clientId) await this.accessTokens.revoke(access.claims);
      return {};
    }
    // Revoking a refresh token ends its grant: the access tokens of the family too (2.1).
    const refresh = await this.refreshTokens.find(token);
    if (refresh?.family?.applicationId === client.id) await this.refreshTokens.revokeFamily(refresh.familyId);
    return {};
  }
}
