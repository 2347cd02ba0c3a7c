import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import type { ProtocolClient } from '../clients/protocol-client';
import { AuthorizationCode, TokenFamily, type Installation } from '../entities';
import { InvalidGrantError } from '../errors/oauth-errors';
import type { Parameters } from '../http/token-parameters';
import { OAUTH_OPTIONS, type OAuthOptions } from '../oauth-options';
import { Subjects } from '../subjects';
import { digestToken, RefreshTokens } from '../tokens/refresh-tokens';
import { isWellFormedPkceValue, verifierMatches, type CodeChallengeMethod } from './pkce';

export interface CodeRequest {
  redirectUri: string;
  redirectUriSent: boolean;
  scope: string[];
  codeChallenge: string | undefined;
  codeChallengeMethod: CodeChallengeMethod | undefined;
  nonce: string | undefined;
  /** When the user who consents signed in; undefined when no sign-in session is behind the code. */
  authTime: Date | undefined;
}

/**
 * What a redeemed code grants: tokens in this family, for this subject, in this organization,
 * and what an ID token says of the authorization request (OpenID Connect Core 3.1.3.6).
 */
export interface RedeemedCode {
  family: TokenFamily;
  organizationId: number;
  nonce: string | undefined;
  authTime: Date | undefined;
}

const INVALID = 'The authorization code is invalid, expired or already used.';

@Injectable()
export class AuthorizationCodes {
  constructor(
    private readonly dataSource: DataSource,
    private readonly refreshTokens: RefreshTokens,
    private readonly subjects: Subjects,
    @Inject(OAUTH_OPTIONS) private readonly options: OAuthOptions,
  ) {}

  /** 256 random bits, only the digest stored, valid AUTH_CODE_TTL seconds; its token family is created with it. */
  async issue(db: EntityManager, installation: Installation, request: CodeRequest): Promise<string> {
    const family = db.getRepository(TokenFamily).create({
      id: randomBytes(16).toString('hex'),
      applicationId: installation.applicationId,
      installationId: installation.id,
      subjectType: installation.subjectType,
      subjectId: installation.subjectId,
      scope: request.scope.join(' '),
      revokedAt: null,
    });
    await db.getRepository(TokenFamily).insert(family);
    const code = randomBytes(32).toString('base64url');
    await db.getRepository(AuthorizationCode).insert({
      digest: digestToken(code),
      applicationId: installation.applicationId,
      installationId: installation.id,
      familyId: family.id,
      redirectUri: request.redirectUri,
      redirectUriSent: request.redirectUriSent,
      scope: family.scope,
      codeChallenge: request.codeChallenge ?? null,
      codeChallengeMethod: request.codeChallengeMethod ?? null,
      nonce: request.nonce ?? null,
      authTime: request.authTime ?? null,
      expiresAt: new Date(Date.now() + this.options.authCodeTtl * 1000),
      usedAt: null,
    });
    return code;
  }

  /**
   * RFC 6749 4.1.3 and RFC 7636 4.6. The code must be this client's, unexpired, sent with the
   * same redirect URI and the verifier of its challenge. It is spent by one conditional UPDATE,
   * so among concurrent redemptions exactly one wins; a second use of a code means it leaked,
   * and everything issued from it is revoked (4.1.2).
   */
  async redeem(code: string, client: ProtocolClient, parameters: Parameters): Promise<RedeemedCode> {
    const row = await this.dataSource.getRepository(AuthorizationCode).findOne({
      where: { digest: digestToken(code) },
      relations: { family: true, installation: true },
    });
    if (!row?.family || !row.installation || row.applicationId !== client.id) throw new InvalidGrantError(INVALID);
    if (row.usedAt) return this.refuseReplay(row);
    if (row.expiresAt.getTime() <= Date.now()) throw new InvalidGrantError(INVALID);
    checkRedirectUri(row, parameters.get('redirect_uri'));
    checkVerifier(row, parameters.get('code_verifier'));

    const spent = await this.dataSource
      .createQueryBuilder()
      .update(AuthorizationCode)
      .set({ usedAt: new Date() })
      .where({ digest: row.digest, usedAt: IsNull() })
      .execute();
    if (spent.affected !== 1) return this.refuseReplay(row);

    const organizationId = row.installation.organizationId;
    if (!(await this.subjects.isActive(client, row.family.subjectId, organizationId))) {
      await this.refreshTokens.revokeFamily(row.familyId);
      throw new InvalidGrantError('The user who authorized this code is disabled or no longer in the organization.');
    }
    return { family: row.family, organizationId, nonce: row.nonce ?? undefined, authTime: row.authTime ?? undefined };
  }

  private async refuseReplay(row: AuthorizationCode): Promise<never> {
    await this.refreshTokens.revokeFamily(row.familyId);
    throw new InvalidGrantError(INVALID);
  }
}

function checkRedirectUri(row: AuthorizationCode, sent: string | undefined): void {
  const matches = row.redirectUriSent ? sent === row.redirectUri : sent === undefined || sent === row.redirectUri;
  if (!matches) throw new InvalidGrantError('The redirect_uri does not match the one of the authorization request.');
}

function checkVerifier(row: AuthorizationCode, verifier: string | undefined): void {
  if (!row.codeChallenge || !row.codeChallengeMethod) {
    // RFC 9700 2.1.1: a verifier for a code without a challenge is a downgrade attempt.
    if (verifier !== undefined) throw new InvalidGrantError('This code was issued without a code_challenge: do not send a code_verifier.');
    return;
  }
  if (verifier === undefined) throw new InvalidGrantError('This code was issued with a code_challenge: send its code_verifier.');
  if (!isWellFormedPkceValue(verifier) || !verifierMatches(verifier, row.codeChallenge, row.codeChallengeMethod)) {
    throw new InvalidGrantError('The code_verifier does not match the code_challenge (PKCE).');
  }
}
