import type { ApplicationOwnerDto, OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { isDormant } from './dormancy/dormancy';
import type { OAuthApplication } from './entities';
import type { ThrottleSummary } from './policy/client-auth-throttle.repository';

/**
 * The application as answers show it. There is no secret field to forget: secrets live elsewhere.
 * `dormantBefore`: the moment Dormancy.before gives for now; `throttle`: its wrong secrets, all
 * client addresses together.
 */
export function toApplicationDto(application: OAuthApplication, dormantBefore: Date, throttle: ThrottleSummary): OAuthApplicationDto {
  return {
    id: application.id,
    name: application.name,
    slug: application.slug,
    organizationId: application.organizationId,
    active: application.active,
    grants: application.grants,
    frontend: application.frontend,
    userId: application.frontend ? application.customerUserId : application.userId,
    owner: ownerOf(application),
    confidential: application.confidential,
    tokenEndpointAuthMethod: application.tokenEndpointAuthMethod,
    jwks: application.jwks,
    jwksUri: application.jwksUri,
    redirectUris: application.redirectUris,
    scopes: application.scopes,
    accessTokenTtl: application.accessTokenTtl,
    firstParty: application.firstParty,
    allowPlainPkce: application.allowPlainPkce,
    installUrl: application.installUrl,
    listed: application.listed,
    allowedIpRanges: application.allowedIpRanges ?? [],
    failedAuthentications: throttle.failures,
    lockedUntil: throttle.throttledUntil?.toISOString() ?? null,
    clientId: application.clientId,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
    lastUsedAt: application.lastUsedAt?.toISOString() ?? null,
    createdBy: application.createdBy,
    dormant: isDormant(application, dormantBefore),
  };
}

function ownerOf({ frontend, user, customerUser }: OAuthApplication): ApplicationOwnerDto | null {
  const owner = frontend ? customerUser : user;
  if (!owner) return null;
  const fullName = `${owner.firstName} ${owner.lastName}`.trim();
  const fallback = 'username' in owner ? owner.username : owner.email;
  return { id: owner.id, name: fullName || fallback, email: owner.email };
}
