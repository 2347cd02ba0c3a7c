import { Injectable } from '@nestjs/common';
import type { BackOfficeTokenAccess, BearerAuthenticator } from '@keyhouse/api-identity';
import { permissionsAllowed } from '@keyhouse/shared-contracts';
import { Subjects } from '../subjects';
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
    const { claims, application, organizationId } = verified;
    const allowed = permissionsAllowed(claims.scope ? claims.scope.split(' ') : [], application.scopes);
    return { userId: Number(claims.sub), organizationId, ...(allowed ? { allowed } : {}), application: { id: application.id, clientId: application.clientId } };
  }

  async storefrontCustomerId(token: string): Promise<number | undefined> {
    const verified = await this.verified(token, true);
    return verified && Number(verified.claims.sub);
  }

  private async verified(token: string, frontend: boolean): Promise<VerifiedAccessToken | undefined> {
    const verified = await this.accessTokens.verify(token);
    if (!verified || verified.application.frontend !== frontend) return undefined;
    return (await this.subjects.isActive(verified.application, Number(verified.claims.sub), verified.organizationId)) ? verified : undefined;
  }
}
