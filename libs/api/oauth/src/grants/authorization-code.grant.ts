import { Injectable } from '@nestjs/common';
import type { ProtocolClient } from '../clients/protocol-client';
import { AuthorizationCodes } from '../authorization/authorization-codes';
import { required } from '../http/token-parameters';
import { AccessTokens } from '../tokens/access-tokens';
import { IdTokens } from '../tokens/id-tokens';
import { RefreshTokens } from '../tokens/refresh-tokens';
import type { Grant, GrantRequest, TokenResponse } from './grant';

/**
 * RFC 6749 4.1.3 with PKCE (RFC 7636): trades a code from the consent page for tokens that act
 * as the user who consented, in the organization the application was installed in, and, for
 * OpenID Connect, an ID token saying who that user is.
 */
@Injectable()
export class AuthorizationCodeGrant implements Grant {
  readonly type = 'authorization_code';
  readonly enabled = true;

  constructor(
    private readonly codes: AuthorizationCodes,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
    private readonly idTokens: IdTokens,
  ) {}

  allowedFor(client: ProtocolClient): boolean {
    return client.grants.includes('authorization_code');
  }

  async handle({ client, parameters }: GrantRequest): Promise<TokenResponse> {
    const { family, organizationId, ...authentication } = await this.codes.redeem(required(parameters, 'code'), client, parameters);
    const scope = family.scope ? family.scope.split(' ') : [];
    const { token, expiresIn } = this.accessTokens.issue(client, family.subjectId, scope, family.id);
    return {
      token_type: 'Bearer',
      expires_in: expiresIn,
      access_token: token,
      ...(this.refreshTokens.enabled ? { refresh_token: await this.refreshTokens.issue(family.id) } : {}),
      ...(scope.length ? { scope: scope.join(' ') } : {}),
      // OpenID Connect Core 3.1.3.3: an authentication request (scope openid) is answered with an ID token.
      ...(scope.includes('openid') ? { id_token: this.idTokens.issue(client, family.subjectId, authentication, expiresIn) } : {}),
      organization_id: organizationId,
    };
  }
}
