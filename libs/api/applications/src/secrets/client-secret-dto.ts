import type { ClientSecretDto } from '@keyhouse/shared-contracts';
import type { ClientSecret } from '../entities';

/** A secret as answers show it: when it was made, expires and was last used; never its digest. */
export function toClientSecretDto(secret: ClientSecret): ClientSecretDto {
  return {
    id: secret.id,
    createdAt: secret.createdAt.toISOString(),
    expiresAt: secret.expiresAt?.toISOString() ?? null,
    lastUsedAt: secret.lastUsedAt?.toISOString() ?? null,
  };
}
