import { Injectable } from '@nestjs/common';
import type { BackOfficeTokenAccess, BearerAuthenticator } from '@keyhouse/api-identity';
import { permissionsAllowed } from '@keyhouse/shared-contracts';
import { Subjects, subjectIdFromClaim } from '../subjects';
import { AccessTokens, type VerifiedAccessToken } from '../tokens/access-tokens';

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

  /**
   * The user a back-office token acts as, in its organization, with what its scopes allow
   * (checked against the application's scopes now: narrowing them narrows tokens already out).
   */
  async backOfficeAccess(token: string): Promise<BackOfficeTokenAccess | undefined> {
    const verified = await this.verified(token, false);
    if (!verified) return undefined;
    const { claims, application, organizationId, subjectId } = verified;
    const allowed = permissionsAllowed(claims.scope ? claims.scope.split(' ') : [], application.scopes);
    return { userId: subjectId, organizationId, ...(allowed ? { allowed } : {}), application: { id: application.id, clientId: application.clientId } };
  }

  async storefrontCustomerId(token: string): Promise<number | undefined> {
    return (await this.verified(token, true))?.subjectId;
  }

  private async verified(token: string, frontend: boolean): Promise<(VerifiedAccessToken & { subjectId: number }) | undefined> {
    const verified = await this.accessTokens.verify(token);
    if (!verified || verified.application.frontend !== frontend) return undefined;
    const subjectId = subjectIdFromClaim(verified.application, verified.claims.sub);
    if (subjectId === undefined || !(await this.subjects.isActive(verified.application, subjectId, verified.organizationId))) return undefined;
    return { ...verified, subjectId };
  }
}
