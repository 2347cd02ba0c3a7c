import { Injectable } from '@nestjs/common';
import type { ProtocolClient } from '../clients/protocol-client';
import { InvalidGrantError, InvalidScopeError } from '../errors/oauth-errors';
import { required } from '../http/token-parameters';
import { Subjects } from '../subjects';
import { AccessTokens } from '../tokens/access-tokens';
import { RefreshTokens } from '../tokens/refresh-tokens';
import type { Grant, GrantRequest, TokenResponse } from './grant';

/**
 * RFC 6749 6 with rotation (RFC 9700 4.14.2): each use spends the token and issues the next in
 * the same family; the scope may narrow, never widen. No ID token: a refresh is no new
 * authentication, and OpenID Connect Core 12.2 lets its answer leave one out.
 */
@Injectable()
export class RefreshTokenGrant implements Grant {
  readonly type = 'refresh_token';

  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
    private readonly subjects: Subjects,
  ) {}

  get enabled(): boolean {
    return this.refreshTokens.enabled;
  }

  allowedFor(client: ProtocolClient): boolean {
    return client.grants.includes('password') || client.grants.includes('authorization_code');
  }

  async handle({ client, parameters, requestedScope }: GrantRequest): Promise<TokenResponse> {
    const family = await this.refreshTokens.spend(required(parameters, 'refresh_token'), client);
    const granted = family.scope ? family.scope.split(' ') : [];
    const scope = requestedScope ?? granted;
    const widened = scope.filter((s) => !granted.includes(s));
    if (widened.length) throw new InvalidScopeError(`The refresh token was not granted: ${widened.join(' ')}.`);
    const organizationId = family.installation?.organizationId;
    if (!(await this.subjects.isActive(client, family.subjectId, organizationId))) {
      await this.refreshTokens.revokeFamily(family.id);
      throw new InvalidGrantError('The user of this grant is disabled or no longer exists.');
    }
    const { token, expiresIn } = this.accessTokens.issue(client, family.subjectId, scope, family.id);
    return {
      token_type: 'Bearer',
      expires_in: expiresIn,
      access_token: token,
      refresh_token: await this.refreshTokens.issue(family.id),
      ...(scope.length ? { scope: scope.join(' ') } : {}),
      ...(organizationId !== undefined ? { organization_id: organizationId } : {}),
    };
  }
}
