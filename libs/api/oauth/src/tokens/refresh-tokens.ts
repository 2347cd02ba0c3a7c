import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ProtocolClient } from '../clients/protocol-client';
import { DataSource, IsNull } from 'typeorm';
import { RefreshToken, TokenFamily } from '../entities';
import { InvalidGrantError } from '../errors/oauth-errors';
import { OAUTH_OPTIONS, type OAuthOptions } from '../oauth-options';

const INVALID = 'The refresh token is invalid, expired or revoked.';

export const digestToken = (token: string) => createHash('sha256').update(token).digest('hex');

@Injectable()
export class RefreshTokens {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(OAUTH_OPTIONS) private readonly options: OAuthOptions,
  ) {}

  get enabled(): boolean {
    return this.options.refreshTokensEnabled;
  }

  /** A new grant: the family every token issued from it will carry. */
  async startFamily(application: ProtocolClient, subject: { type: 'user' | 'customer'; id: number }, scope: string[]): Promise<TokenFamily> {
    const family = this.dataSource.getRepository(TokenFamily).create({
      id: randomBytes(16).toString('hex'),
      applicationId: application.id,
      subjectType: subject.type,
      subjectId: subject.id,
      scope: scope.join(' '),
      revokedAt: null,
    });
    await this.dataSource.getRepository(TokenFamily).insert(family);
    return family;
  }

  /** 256 random bits; only the digest is stored. */
  async issue(familyId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.getRepository(RefreshToken).insert({
      digest: digestToken(token),
      familyId,
      expiresAt: new Date(Date.now() + this.options.refreshTokenTtl * 1000),
      usedAt: null,
    });
    return token;
  }

  /**
   * Spends a refresh token of this client (RFC 9700 4.14.2). One conditional UPDATE decides:
   * among concurrent uses, on any number of instances, exactly one wins. A token already spent
   * means it leaked: the whole family is revoked.
   */
  async spend(token: string, application: ProtocolClient): Promise<TokenFamily> {
    const row = await this.find(token);
    if (!row?.family || row.family.applicationId !== application.id) throw new InvalidGrantError(INVALID);
    const uninstalled = row.family.installationId !== null && !row.family.installation;
    if (row.family.revokedAt || uninstalled || row.expiresAt.getTime() <= Date.now()) throw new InvalidGrantError(INVALID);
    const spent = await this.dataSource
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ usedAt: new Date() })
      .where({ id: row.id, usedAt: IsNull() })
      .execute();
    if (spent.affected !== 1) {
      await this.revokeFamily(row.familyId);
      throw new InvalidGrantError(INVALID);
    }
    return row.family;
  }

  async find(token: string): Promise<RefreshToken | null> {
    return this.dataSource.getRepository(RefreshToken).findOne({ where: { digest: digestToken(token) }, relations: { family: { installation: true } } });
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(TokenFamily)
      .set({ revokedAt: new Date() })
      .where({ id: familyId, revokedAt: IsNull() })
      .execute();
  }
}
