import { Injectable } from '@nestjs/common';
import type { ProtocolClient } from '../clients/protocol-client';
import { ipInRanges } from '@keyhouse/api-platform';
import { InvalidClientError, InvalidGrantError } from '../errors/oauth-errors';
import { AccessTokens } from '../tokens/access-tokens';
import type { Grant, GrantRequest, TokenResponse } from './grant';

/** RFC 6749 4.4: the token acts as the user the application was assigned; never a refresh token. */
@Injectable()
export class ClientCredentialsGrant implements Grant {
  readonly type = 'client_credentials';
  readonly enabled = true;

  constructor(private readonly accessTokens: AccessTokens) {}

  allowedFor(client: ProtocolClient): boolean {
    return client.grants.includes('client_credentials');
  }

  async handle({ client, requestedScope, ip }: GrantRequest): Promise<TokenResponse> {
    // The application's network policy: from elsewhere its credentials are as good as wrong.
    if (!ipInRanges(ip, client.allowedIpRanges)) throw new InvalidClientError();
    const subjectId = client.frontend ? client.customerUserId : client.userId;
    if (subjectId === null || !client.ownerActive) {
      throw new InvalidGrantError('The user this application acts as is disabled or no longer exists.');
    }
    const scope = requestedScope ?? client.scopes;
    const { token, expiresIn } = this.accessTokens.issue(client, subjectId, scope);
    return { token_type: 'Bearer', expires_in: expiresIn, access_token: token, ...(scope.length ? { scope: scope.join(' ') } : {}) };
  }
}
