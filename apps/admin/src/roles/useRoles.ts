import type { RoleDto } from '@keyhouse/shared-contracts';
import { useGetList } from 'react-admin';

import { useAccess } from '../common';

// Every role the API shows the caller fits in one page: the platform's and their organizations' own.
const ALL_ROLES = { pagination: { page: 1, perPage: 1000 }, sort: { field: 'label', order: 'ASC' as const } };
const NONE: RoleDto[] = [];

/**
 * The roles the signed-in user may see or give (the API lists them to whoever may view roles or
 * create or edit users), for choosing roles and for naming them.
 */
export const useRoles = (): { roles: RoleDto[]; isPending: boolean } => {
  const access = useAccess();
  const mayList = (['roles.view', 'users.create', 'users.edit'] as const).some((permission) => access.canAnywhere(permission));
  const { data, isPending } = useGetList<RoleDto>('roles', ALL_ROLES, { enabled: mayList });
  return { roles: data ?? NONE, isPending: mayList && isPending };
};

/** "ROLE_APPLICATION_MANAGER" as "Application manager", for a role the caller may not list. */
const humanize = (name: string): string => {
  const words = name.replace(/^ROLE_/, '').toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A role as people know it: its label, never its machine name. */
export const roleLabel = (name: string, roles: readonly RoleDto[]): string => roles.find((role) => role.name === name)?.label ?? humanize(name);

/** Roles that may be given in an organization: the platform's, and that organization's own. */
export const assignableIn = (roles: readonly RoleDto[], organizationId: number): RoleDto[] =>
  roles.filter((role) => role.organizationId === null || role.organizationId === organizationId);
