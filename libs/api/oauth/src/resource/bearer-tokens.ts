import { Injectable } from '@nestjs/common';
import type { BearerAuthenticator } from '@keyhouse/api-identity';
import { Subjects } from '../subjects';
import { AccessTokens } from '../tokens/access-tokens';

/**
 * Accepts an access token for one side only: back-office tokens on /admin/api, storefront
 * tokens on /api ("not interchangeable"), and only while its user may still act.
 */
@Injectable()
export class BearerTokens implements BearerAuthenticator {
  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly subjects: Subjects,
  ) {}

  backOfficeUserId(token: string): Promise<number | undefined> {
    return this.subjectOf(token, false);
  }

  storefrontCustomerId(token: string): Promise<number | undefined> {
    return this.subjectOf(token, true);
  }

  private async subjectOf(token: string, frontend: boolean): Promise<number | undefined> {
    const verified = await this.accessTokens.verify(token);
    if (!verified || verified.application.frontend !== frontend) return undefined;
    const subjectId = Number(verified.claims.sub);
    return (await this.subjects.isActive(verified.application, subjectId, verified.organizationId)) ? subjectId : undefined;
  }
}
