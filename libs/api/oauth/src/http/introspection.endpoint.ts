import { Injectable } from '@nestjs/common';
import { InvalidClientError } from '../errors/oauth-errors';
import type { ProtocolRequest } from './protocol-server';
import { ClientAuthenticator } from '../clients/client-authenticator';
import { Subjects, subjectClaim, subjectIdFromClaim } from '../subjects';
import { AccessTokens } from '../tokens/access-tokens';
import { RefreshTokens } from '../tokens/refresh-tokens';
import { required } from './token-parameters';

const INACTIVE = { active: false } as const;

/**
 * POST /oauth2-token/introspect (RFC 7662). Only the client a token was issued to may learn
 * about it; anything else, like anything invalid, is exactly `{"active":false}` (2.2).
 */
@Injectable()
export class IntrospectionEndpoint {
  constructor(
    private readonly clients: ClientAuthenticator,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
    private readonly subjects: Subjects,
  ) {}

  async handle(request: ProtocolRequest): Promise<Record<string, unknown>> {
    const { client, parameters } = await this.clients.authenticateRequest(request);
    // RFC 7662 2.1 wants the caller authorized: a public client proves nothing about itself.
    if (!client.confidential) throw new InvalidClientError();
    const token = required(parameters, 'token');

    const access = await this.accessTokens.verify(token);
    if (access) {
      const { claims, application, organizationId } = access;
      const subjectId = subjectIdFromClaim(application, claims.sub);
      if (application.id !== client.id || subjectId === undefined || !(await this.subjects.isActive(application, subjectId, organizationId))) return INACTIVE;
      // A token signed before `sub` carried its type is described as one signed now would be.
      return { active: true, token_type: 'Bearer', ...claims, sub: subjectClaim(application, subjectId) };
    }

    const refresh = await this.refreshTokens.find(token);
    const family = refresh?.family;
    if (!refresh || !family || family.applicationId !== client.id || family.revokedAt || refresh.usedAt || refresh.expiresAt.getTime() <= Date.now()) {
      return INACTIVE;
    }
    // No token_type: RFC 7662 2.2 means the type of an access token (RFC 6749 7.1), which this is not.
    return {
      active: true,
      client_id: client.clientId,
      sub: subjectClaim(client, family.subjectId),
      ...(family.scope ? { scope: family.scope } : {}),
      iat: Math.floor(refresh.createdAt.getTime() / 1000),
      exp: Math.floor(refresh.expiresAt.getTime() / 1000),
    };
  }
}
