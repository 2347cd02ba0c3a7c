import type { EntityManager } from 'typeorm';

/** A membership as it is written: the organization and the ids of the roles held there. */
export interface MembershipGrant {
  organizationId: number;
  roleIds: number[];
}

/**
 * Makes the user's memberships in `organizationIds` exactly `grants` (which lie inside them),
 * leaving every other membership alone: whoever edits a user changes only the organizations
 * they manage. Plain rows, in the caller's transaction.
 */
export async function setMemberships(db: EntityManager, userId: number, organizationIds: readonly number[], grants: readonly MembershipGrant[]): Promise<void> {
  if (organizationIds.length) {
    // The membership's roles go with it (ON DELETE CASCADE).
    await db
      .createQueryBuilder()
      .delete()
      .from('user_organizations')
      .where('userId = :userId AND organizationId IN (:...organizationIds)', { userId, organizationIds: [...organizationIds] })
      .execute();
  }
  if (grants.length === 0) return;
  await db
    .createQueryBuilder()
    .insert()
    .into('user_organizations', ['userId', 'organizationId'])
    .values(grants.map(({ organizationId }) => ({ userId, organizationId })))
    .execute();
  const roles = grants.flatMap(({ organizationId, roleIds }) => roleIds.map((roleId) => ({ userId, organizationId, roleId })));
  if (roles.length) await db.createQueryBuilder().insert().into('membership_roles', ['userId', 'organizationId', 'roleId']).values(roles).execute();
}
