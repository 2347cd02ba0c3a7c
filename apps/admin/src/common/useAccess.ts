import type { Permission } from '@keyhouse/shared-contracts';
import { useGetIdentity } from 'react-admin';

import type { KeyhouseIdentity } from '../providers/authProvider';

export interface Access {
  /** False while the identity loads. */
  platformOperator: boolean;
  /** Where the signed-in user may do it: every organization for an operator, or these. */
  organizationsWith(permission: Permission): 'all' | number[];
}

/** What the signed-in user may do where, as the API decides it (GET /admin/api/me). */
export const useAccess = (): Access => {
  const { identity } = useGetIdentity();
  const me = identity as KeyhouseIdentity | undefined;
  return {
    platformOperator: me?.platformOperator ?? false,
    organizationsWith: (permission) =>
      me?.platformOperator ? 'all' : (me?.access ?? []).filter((membership) => membership.permissions.includes(permission)).map((membership) => membership.organizationId),
  };
};
