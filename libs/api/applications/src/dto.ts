import type { ApplicationOwnerDto, OAuthApplicationDto } from '@keyhouse/shared-contracts';
import type { OAuthApplication } from './entities';

/** The application as answers show it. There is no secret field to forget: secrets live elsewhere. */
export function toApplicationDto(application: OAuthApplication): OAuthApplicationDto {
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
    redirectUris: application.redirectUris,
    scopes: application.scopes,
    accessTokenTtl: application.accessTokenTtl,
    clientId: application.clientId,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
    lastUsedAt: application.lastUsedAt?.toISOString() ?? null,
    createdBy: application.createdBy,
  };
}

function ownerOf({ frontend, user, customerUser }: OAuthApplication): ApplicationOwnerDto | null {
  const owner = frontend ? customerUser : user;
  if (!owner) return null;
  const fullName = `${owner.firstName} ${owner.lastName}`.trim();
  const fallback = 'username' in owner ? owner.username : owner.email;
  return { id: owner.id, name: fullName || fallback, email: owner.email };
}
