import { type OrganizationDto, PLATFORM_DEFAULTS } from '@keyhouse/shared-contracts';
import { useGetIdentity, useGetList } from 'react-admin';

import type { KeyhouseIdentity } from '../providers/authProvider';

/** One organization whose settings the signed-in user may look at. */
export interface SettingOrganization {
  id: number;
  name: string;
}

/** A choice of the lists' "In force for" picker: the platform defaults, or one organization. */
export interface SettingScope {
  id: number | typeof PLATFORM_DEFAULTS;
  name: string;
}

export interface SettingScopes {
  isPending: boolean;
  platformOperator: boolean;
  /** What the lists offer: the platform defaults first for an operator, then organizations by name. */
  choices: SettingScope[];
  /** What the lists open on: the platform defaults for an operator, else the first organization. */
  initial: SettingScope['id'] | undefined;
  /** The organizations where they may customize settings (every one listed, for an operator). */
  editable: SettingOrganization[];
  /** Whether they may change a setting of there (null: a platform default, operators only). */
  mayChange(organizationId: number | null): boolean;
}

const PLATFORM_CHOICE: SettingScope = { id: PLATFORM_DEFAULTS, name: 'Platform defaults' };
// The API's largest page: an operator picks among at most this many organizations.
const ORGANIZATIONS_PAGE = { page: 1, perPage: 1000 };
const NONE: OrganizationDto[] = [];

/**
 * Where the signed-in user may look at and change notification settings, as the API decides it:
 * an operator everywhere (the organizations read from the API), an organization administrator in
 * the organizations of their memberships that allow it (named in their identity).
 */
export const useSettingScopes = (): SettingScopes => {
  const { identity, isPending: identityPending } = useGetIdentity();
  const me = identity as KeyhouseIdentity | undefined;
  const platformOperator = me?.platformOperator ?? false;
  const { data: organizations = NONE, isPending: organizationsPending } = useGetList<OrganizationDto>(
    'organizations',
    { pagination: ORGANIZATIONS_PAGE, sort: { field: 'name', order: 'ASC' } },
    { enabled: platformOperator },
  );

  if (platformOperator) {
    const everyOrganization = organizations.map(({ id, name }) => ({ id, name }));
    return {
      isPending: identityPending || organizationsPending,
      platformOperator,
      choices: [PLATFORM_CHOICE, ...everyOrganization],
      initial: PLATFORM_DEFAULTS,
      editable: everyOrganization,
      mayChange: () => true,
    };
  }
  const memberships = me?.access ?? [];
  const where = (permission: 'notifications.view' | 'notifications.edit') =>
    memberships
      .filter((membership) => membership.permissions.includes(permission))
      .map(({ organizationId, organizationName }) => ({ id: organizationId, name: organizationName }));
  const viewable = where('notifications.view');
  const editable = where('notifications.edit');
  return {
    isPending: identityPending,
    platformOperator,
    choices: viewable,
    initial: viewable[0]?.id,
    editable,
    mayChange: (organizationId) => organizationId !== null && editable.some((organization) => organization.id === organizationId),
  };
};
