import { Reach } from '@keyhouse/api-platform';
import { In, type EntityManager } from 'typeorm';
import { Role } from '../entities';
import type { MembershipGrant } from './memberships';

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

/**
 * Reads `memberships` (`[{"organizationId", "roles"}]`) from a body, or the older pair
 * `organizationIds` + `roles` (the same roles in each organization). Problems go to `errors`.
 */
export function readMemberships(body: Record<string, unknown>, errors: Record<string, string>): { memberships?: MembershipInput[]; field: 'memberships' | 'roles' } {
  if (body['memberships'] !== undefined) {
    if (body['organizationIds'] !== undefined || body['roles'] !== undefined) {
      errors['memberships'] = 'Send either memberships, or organizationIds with roles, not both.';
      return { field: 'memberships' };
    }
    const raw = body['memberships'];
    const valid =
      Array.isArray(raw) &&
      raw.every(
        (entry) =>
          typeof entry === 'object' &&
          entry !== null &&
          !Array.isArray(entry) &&
          Object.keys(entry).every((key) => key === 'organizationId' || key === 'roles') &&
          Number.isSafeInteger(entry.organizationId) &&
          entry.organizationId > 0 &&
          Array.isArray(entry.roles) &&
          entry.roles.every((role: unknown) => typeof role === 'string'),
      );
    if (!valid) {
      errors['memberships'] = 'Give a list of {"organizationId", "roles": [role names]}.';
      return { field: 'memberships' };
    }
    const memberships = (raw as MembershipInput[]).map(({ organizationId, roles }) => ({ organizationId, roles: [...new Set(roles)] }));
    if (new Set(memberships.map((membership) => membership.organizationId)).size !== memberships.length) {
      errors['memberships'] = 'Each organization may appear once.';
      return { field: 'memberships' };
    }
    return { memberships, field: 'memberships' };
  }
  if (body['organizationIds'] === undefined && body['roles'] === undefined) return { field: 'roles' };
  const ids = body['organizationIds'];
  const roles = body['roles'];
  const validIds = Array.isArray(ids) && ids.every((id) => Number.isSafeInteger(id) && (id as number) > 0);
  const validRoles = Array.isArray(roles) && roles.every((role) => typeof role === 'string');
  if (!validIds) errors['organizationIds'] = 'Give a list of organization ids.';
  if (!validRoles) errors['roles'] = 'Give a list of role names.';
  if (!validIds || !validRoles) return { field: 'roles' };
  const names = [...new Set(roles as string[])];
  return { memberships: [...new Set(ids as number[])].map((organizationId) => ({ organizationId, roles: names })), field: 'roles' };
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
