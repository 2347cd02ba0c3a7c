import { PERMISSIONS, type Permission } from '@keyhouse/shared-contracts';

/** The organizations a query may read: every one (a platform operator), or these. */
export type OrganizationScope = 'all' | readonly number[];

const EVERY_PERMISSION: ReadonlySet<Permission> = new Set(PERMISSIONS);

/**
 * What someone may do, and where: for each organization they belong to, the permissions of their
 * roles there; or everything, everywhere, for a platform operator. A user's reach, a token's (its
 * user's, cut down to one organization and its scopes) and the command line's (an operator's) are
 * all one of these, and `covers` is the one rule that keeps anybody from granting beyond it.
 */
export class Reach {
  private constructor(
    readonly platformOperator: boolean,
    private readonly grants: ReadonlyMap<number, ReadonlySet<Permission>>,
  ) {}

  /** A platform operator's: every organization, every permission, and the platform itself. */
  static operator(memberships: Iterable<number> = []): Reach {
    return new Reach(true, new Map([...memberships].map((organizationId) => [organizationId, EVERY_PERMISSION])));
  }

  /** A member's: the permissions of each membership; a membership without any still counts as one. */
  static ofMemberships(memberships: Iterable<{ organizationId: number; permissions: Iterable<Permission> }>): Reach {
    const grants = new Map<number, Set<Permission>>();
    for (const { organizationId, permissions } of memberships) {
      const granted = grants.get(organizationId) ?? new Set<Permission>();
      for (const permission of permissions) granted.add(permission);
      grants.set(organizationId, granted);
    }
    return new Reach(false, grants);
  }

  /** The organizations they belong to (for an operator too: the ones they joined, not every one). */
  get memberOf(): number[] {
    return [...this.grants.keys()].sort((a, b) => a - b);
  }

  can(permission: Permission, organizationId: number): boolean {
    return this.platformOperator || this.grants.get(organizationId)?.has(permission) === true;
  }

  canAnywhere(permission: Permission): boolean {
    return this.platformOperator || [...this.grants.values()].some((granted) => granted.has(permission));
  }

  /** Where they may do it: the scope a query for it reads. */
  organizationsWith(permission: Permission): OrganizationScope {
    if (this.platformOperator) return 'all';
    return this.memberOf.filter((organizationId) => this.grants.get(organizationId)?.has(permission));
  }

  /** What they may do in one organization. */
  permissionsIn(organizationId: number): Permission[] {
    const granted = this.platformOperator ? EVERY_PERMISSION : (this.grants.get(organizationId) ?? new Set<Permission>());
    return PERMISSIONS.filter((permission) => granted.has(permission));
  }

  /** What they may do somewhere (every permission for an operator). */
  permissionsAnywhere(): Permission[] {
    return PERMISSIONS.filter((permission) => this.canAnywhere(permission));
  }

  /**
   * Whether everything `other` may do, this may do too: the same organizations (a membership
   * counts even without permissions: it is still a place the other acts in), and in each every
   * permission. Only an operator covers an operator. Whoever is covered may be created, edited,
   * given roles or acted as; whoever is not stays out of reach.
   */
  covers(other: Reach): boolean {
    if (this.platformOperator) return true;
    if (other.platformOperator) return false;
    return [...other.grants].every(([organizationId, permissions]) => {
      const granted = this.grants.get(organizationId);
      return granted !== undefined && [...permissions].every((permission) => granted.has(permission));
    });
  }

  /**
   * This reach inside one organization only, and only with `allowed` (all when undefined): what
   * an access token acting for this user there may do. Never the platform's own powers.
   */
  within(organizationId: number, allowed?: ReadonlySet<Permission>): Reach {
    if (!this.platformOperator && !this.grants.has(organizationId)) return Reach.ofMemberships([]);
    const permissions = this.permissionsIn(organizationId).filter((permission) => !allowed || allowed.has(permission));
    return Reach.ofMemberships([{ organizationId, permissions }]);
  }
}
