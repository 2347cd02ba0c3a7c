import type { OrganizationDto, Permission } from '@keyhouse/shared-contracts';
import { useGetList } from 'react-admin';

import { useAccess } from './useAccess';

export interface OrganizationChoice {
  id: number;
  name: string;
}

export interface OrganizationChoices {
  /** True until it is known where the signed-in user may act. */
  isPending: boolean;
  /** Every organization there is (an operator), or these, named from the identity (nobody else needs to ask). */
  choices: 'all' | OrganizationChoice[];
  /** The one organization there is to choose from: pickers hide and forms use it. */
  only: number | undefined;
  /** More than one to choose from: pickers, organization columns and filters show. */
  several: boolean;
}

// The first page exactly as every organization picker and filter asks for it (react-admin's
// ReferenceInput: 25, by name), so that one request, sent as soon as a page mounts, tells one
// organization from several, fills the pickers, and names the organization columns (react-admin
// caches each listed record for ReferenceField) instead of three requests one after the other.
const PICKER_PAGE = { pagination: { page: 1, perPage: 25 }, sort: { field: 'name', order: 'ASC' as const }, filter: {} };

/**
 * Where the signed-in user may do something, in the shape pickers need: an operator may act in
 * every organization (asked of the API, which lists them all to an operator), anyone else only in
 * their own memberships that allow it.
 */
export const useOrganizationChoices = (permission: Permission): OrganizationChoices => {
  const access = useAccess();
  const operator = access.platformOperator;
  const { data = [], total = 0, isPending: listPending } = useGetList<OrganizationDto>('organizations', PICKER_PAGE, { enabled: operator });

  if (access.isPending || (operator && listPending)) return { isPending: true, choices: [], only: undefined, several: false };
  if (operator) return { isPending: false, choices: 'all', only: total === 1 ? data[0]?.id : undefined, several: total > 1 };
  const choices = access.memberships
    .filter((membership) => membership.permissions.includes(permission))
    .map((membership) => ({ id: membership.organizationId, name: membership.organizationName }));
  return { isPending: false, choices, only: choices.length === 1 ? choices[0].id : undefined, several: choices.length > 1 };
};
