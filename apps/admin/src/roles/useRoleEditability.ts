import type { RoleDto } from '@keyhouse/shared-contracts';

import { useAccess, useOrganizationName } from '../common';

export interface RoleEditability {
  editable: boolean;
  /** Why not, in words; undefined when editable (or unknown yet). */
  reason?: string;
}

/**
 * Whether the signed-in user may change this role, by the API's rules: built-in roles never,
 * platform roles only operators, an organization's roles those with roles.edit there who hold
 * everything the role grants (editing cannot reshape what one could not create).
 */
export const useRoleEditability = (role: RoleDto | undefined): RoleEditability => {
  const access = useAccess();
  const organizationName = useOrganizationName(role?.organizationId) ?? 'its organization';
  if (!role || access.isPending) return { editable: false };
  if (role.builtIn) {
    return { editable: false, reason: `${role.label} is a built-in role, shipped with Keyhouse: it cannot be changed. Create a role of your own instead.` };
  }
  if (role.organizationId === null) {
    return access.platformOperator
      ? { editable: true }
      : { editable: false, reason: 'This platform role applies in every organization: only a platform operator can change it.' };
  }
  if (!access.can('roles.edit', role.organizationId)) return { editable: false, reason: `You may not edit the roles of ${organizationName}.` };
  const organizationId = role.organizationId;
  if (role.permissions.some((permission) => !access.can(permission, organizationId))) {
    return { editable: false, reason: `This role grants permissions you do not hold in ${organizationName}: only someone who holds them all can change it.` };
  }
  return { editable: true };
};
