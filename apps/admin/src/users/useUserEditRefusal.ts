import type { UserDto } from '@keyhouse/shared-contracts';

import { useAccess } from '../common';
import { useRoles } from '../roles';

/**
 * Why the signed-in user may not edit this user, by the API's rules; undefined when they may (or
 * it is not known yet). Nobody changes someone who may do more than they may: an operator, or
 * a member of an organization where they may not edit users, or with roles beyond theirs.
 */
export const useUserEditRefusal = (user: UserDto | undefined): string | undefined => {
  const access = useAccess();
  const { roles } = useRoles();
  if (!user || access.isPending || access.platformOperator) return undefined;
  if (user.platformOperator) return 'They are a platform operator: only another platform operator can change them.';
  const elsewhere = user.memberships.filter(({ organizationId }) => !access.can('users.edit', organizationId));
  if (elsewhere.length) return 'They also belong to an organization where you may not edit users: only someone who may edit them everywhere can change them.';
  const beyond = user.memberships.some(({ organizationId, roles: names }) =>
    roles.filter((role) => names.includes(role.name)).some((role) => role.permissions.some((permission) => !access.can(permission, organizationId))),
  );
  if (beyond) return 'They may do more than you may: only someone who may do all of it can change them.';
  return undefined;
};
