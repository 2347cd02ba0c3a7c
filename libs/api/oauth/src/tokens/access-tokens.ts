import { Inject, Injectable } from '@nestjs/common';
import { SigningKeysService, type ActiveSigningKey } from '@keyhouse/api-keys';
import { DataSource } from 'typeorm';
import type { ProtocolClient } from '../clients/protocol-client';
import { ProtocolQueries } from '../clients/protocol-queries';
import { RevokedAccessToken } from '../entities';
import { TemporarilyUnavailableError } from '../errors/oauth-errors';
import { audienceFor, OAUTH_OPTIONS, type OAuthOptions } from '../oauth-options';
import { subjectClaim } from '../subjects';
import { readKeyId, signJwt, verifyJwt } from './jwt';
import { newTokenId } from './token-ids';

/** RFC 9068 2.1: the media type of JWT access tokens. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

export interface AccessTokenClaims {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  iat: number;
  jti: string;
  client_id: string;
  scope?: string;
  /** The token family (grant) it descends from, when it came with a refresh token. */
  fid?: string;
}

export interface VerifiedAccessToken {
  claims: AccessTokenClaims;
  application: ProtocolClient;
  /** The organization the token acts in: where the application was installed, or its own. */
  organizationId: number;
}

export interface IssuedAccessToken {
  token: string;
  expiresIn: number;
}

@Injectable()
export class AccessTokens {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: ProtocolQueries,
    private readonly signingKeys: SigningKeysService,
    @Inject(OAUTH_OPTIONS) private readonly options: OAuthOptions,
  ) {}

  /** The key to sign with; refuses, with the console's wording, while none is configured. */
  signingKey(): ActiveSigningKey {
    const key = this.signingKeys.signingKey;
    if (!key) {
      throw new TemporarilyUnavailableError(
        'OAuth authorization is not available as encryption keys configuration was not complete. Please contact your administrator.',
      );
    }
    return key;
  }

  /** A JWT per RFC 9068, signed with the current key's algorithm (OAUTH_SIGNING_ALG), acting as `subjectId` for the application. */
  issue(application: ProtocolClient, subjectId: number, scope: string[], familyId?: string): IssuedAccessToken {
    const key = this.signingKey();
    const expiresIn = application.accessTokenTtl ?? this.options.accessTokenTtl;
    const now = Math.floor(Date.now() / 1000);
    const claims: AccessTokenClaims = {
      iss: this.options.issuer,
      sub: subjectClaim(application, subjectId),
      aud: audienceFor(this.options.issuer, application.frontend),
      exp: now + expiresIn,
      iat: now,
      jti: newTokenId(),
      client_id: application.clientId,
      ...(scope.length ? { scope: scope.join(' ') } : {}),
      ...(familyId ? { fid: familyId } : {}),
    };
    return { token: signJwt(ACCESS_TOKEN_TYPE, claims, key), expiresIn };
  }

  /**
   * The claims of a token that is still good: our signature (checked with the algorithm of the key
   * its `kid` names, never the one its header claims alone), not expired, not revoked (itself or
   * its family), its application still there and active. Audience and subject are the caller's.
   */
  async verify(token: string): Promise<VerifiedAccessToken | undefined> {
    const kid = readKeyId(token);
    const key = kid === undefined ? undefined : await this.signingKeys.verificationKey(kid);
    const raw = kid && key ? verifyJwt(token, ACCESS_TOKEN_TYPE, new Map([[kid, key]])) : undefined;
    if (!raw || !isAccessTokenClaims(raw) || raw.iss !== this.options.issuer) return undefined;
    if (raw.exp <= Math.floor(Date.now() / 1000)) return undefined;
    const [application, revoked, family] = await Promise.all([
      this.queries.client(raw.client_id),
      this.queries.accessTokenRevoked(raw.jti),
      raw.fid ? this.queries.familyState(raw.fid) : Promise.resolve({ live: true, organizationId: undefined }),
    ]);
    if (!application?.active || revoked || !family.live) return undefined;
    if (raw.aud !== audienceFor(this.options.issuer, application.frontend)) return undefined;
    return { claims: raw, application, organizationId: family.organizationId ?? application.organizationId };
  }

  /** RFC 7009: remembered until the token would have expired anyway. */
  async revoke(claims: AccessTokenClaims): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(RevokedAccessToken)
      .values({ jti: claims.jti, expiresAt: new Date(claims.exp * 1000) })
      .orIgnore()
      .execute();
  }
}

function isAccessTokenClaims(claims: Record<string, unknown>): claims is Record<string, unknown> & AccessTokenClaims {
  return (
    typeof claims['iss'] === 'string' &&
    typeof claims['sub'] === 'string' &&
    typeof claims['aud'] === 'string' &&
    typeof claims['exp'] === 'number' &&
    typeof claims['iat'] === 'number' &&
    typeof claims['jti'] === 'string' &&
    typeof claims['client_id'] === 'string' &&
    (claims['fid'] === undefined || typeof claims['fid'] === 'string')
  );
}
