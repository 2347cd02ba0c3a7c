import type { UserInput } from '@keyhouse/shared-contracts';
import { Reach } from '@keyhouse/api-platform';
import { In, type EntityManager } from 'typeorm';
import { Role } from '../entities';
import type { MembershipGrant } from './memberships';
import { ORGANIZATION_IDS, ROLE_NAMES } from './user-bodies';

/** A membership as a request names it: the organization, and roles by name. */
export interface MembershipInput {
  organizationId: number;
  roles: string[];
}

/** Memberships with their roles found, or the problem with them in words. */
export interface ResolvedMemberships {
  grants: MembershipGrant[];
  /** What they allow, as a reach (not yet an operator's: that is a flag of the user). */
  reach: Reach;
  problem?: string;
  /** Roles that allow, somewhere, more than `caller` may do there. */
  beyond: string[];
}

/** Each role once. */
export const membershipInputs = (memberships: readonly MembershipInput[]): MembershipInput[] =>
  memberships.map(({ organizationId, roles }) => ({ organizationId, roles: [...new Set(roles)] }));

const MEMBERSHIP_FIELDS = ['memberships', 'organizationIds', 'roles'];

/**
 * The memberships a new user is given: `memberships`, or the older pair `organizationIds` +
 * `roles` (the same roles in each organization), never both; `field` is where problems with
 * them are told. Undefined when they cannot be read: the problem is in `errors` already, or
 * put there.
 */
export function requestedMemberships(
  body: Pick<UserInput, 'memberships' | 'organizationIds' | 'roles'>,
  errors: Record<string, string>,
): { memberships: MembershipInput[]; field: 'memberships' | 'roles' } | undefined {
  if (Object.keys(errors).some((path) => MEMBERSHIP_FIELDS.includes(path.split('.')[0]))) return undefined;
  const { memberships, organizationIds, roles } = body;
  if (memberships !== undefined) {
    if (organizationIds === undefined && roles === undefined) return { memberships: membershipInputs(memberships), field: 'memberships' };
    errors['memberships'] = 'Send either memberships, or organizationIds with roles, not both.';
    return undefined;
  }
  if (organizationIds === undefined && roles === undefined) return { memberships: [], field: 'roles' };
  if (organizationIds === undefined) errors['organizationIds'] = ORGANIZATION_IDS;
  if (roles === undefined) errors['roles'] = ROLE_NAMES;
  if (organizationIds === undefined || roles === undefined) return undefined;
  const names = [...new Set(roles)];
  return { memberships: [...new Set(organizationIds)].map((organizationId) => ({ organizationId, roles: names })), field: 'roles' };
}

/**
 * Finds the roles of each membership: every name must be a role that may be given in that
 * organization (a platform role, or that organization's own). Answers what the memberships
 * allow, and which roles allow more than `caller` may do where they would be given.
 */
export async function resolveMemberships(db: Pick<EntityManager, 'getRepository'>, memberships: MembershipInput[], caller: Reach): Promise<ResolvedMemberships> {
  const names = [...new Set(memberships.flatMap((membership) => membership.roles))];
  const roles = names.length ? await db.getRepository(Role).findBy({ name: In(names) }) : [];
  const grants: MembershipGrant[] = [];
  const unknown = new Set<string>();
  const beyond = new Set<string>();
  const entries = memberships.map(({ organizationId, roles: wanted }) => {
    const held = wanted.map((name) => roles.find((role) => role.name === name && (role.organizationId === null || role.organizationId === organizationId)));
    wanted.forEach((name, index) => held[index] === undefined && unknown.add(name));
    const found = held.filter((role): role is Role => role !== undefined);
    for (const role of found) if (role.permissions.some((permission) => !caller.can(permission, organizationId))) beyond.add(role.name);
    grants.push({ organizationId, roleIds: found.map((role) => role.id) });
    return { organizationId, permissions: found.flatMap((role) => role.permissions) };
  });
  return {
    grants,
    reach: Reach.ofMemberships(entries),
    beyond: [...beyond],
    ...(unknown.size ? { problem: `Unknown role: ${[...unknown].join(', ')}.` } : {}),
  };
}
