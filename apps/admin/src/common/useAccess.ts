import type { MembershipAccessDto, Permission } from '@keyhouse/shared-contracts';
import { useGetIdentity } from 'react-admin';

import type { KeyhouseIdentity } from '../providers/authProvider';

export interface Access {
  /** False while the identity loads. */
  platformOperator: boolean;
  /** True until the identity is known. */
  isPending: boolean;
  /** The signed-in user's id (undefined while the identity loads). */
  userId: number | undefined;
  /** Their own memberships, with the organization's name and what each allows. */
  memberships: MembershipAccessDto[];
  /** Where the signed-in user may do it: every organization for an operator, or these. */
  organizationsWith(permission: Permission): 'all' | number[];
  /** Whether they may do it in that organization (an operator may everywhere). */
  can(permission: Permission, organizationId: number): boolean;
  /** Whether they may do it in at least one organization. */
  canAnywhere(permission: Permission): boolean;
  /** The name of one of their organizations, as the identity carries it (undefined for others). */
  organizationName(organizationId: number): string | undefined;
}

const NO_MEMBERSHIPS: MembershipAccessDto[] = [];

/** What the signed-in user may do where, as the API decides it (GET /admin/api/me). */
export const useAccess = (): Access => {
  const { identity, isPending } = useGetIdentity();
  const me = identity as KeyhouseIdentity | undefined;
  const platformOperator = me?.platformOperator ?? false;
  const memberships = me?.access ?? NO_MEMBERSHIPS;
  const holds = (permission: Permission) => memberships.filter((membership) => membership.permissions.includes(permission));
  return {
    platformOperator,
    isPending,
    userId: me?.id,
    memberships,
    organizationsWith: (permission) => (platformOperator ? 'all' : holds(permission).map((membership) => membership.organizationId)),
    can: (permission, organizationId) => platformOperator || holds(permission).some((membership) => membership.organizationId === organizationId),
    canAnywhere: (permission) => platformOperator || holds(permission).length > 0,
    organizationName: (organizationId) => memberships.find((membership) => membership.organizationId === organizationId)?.organizationName,
  };
};
