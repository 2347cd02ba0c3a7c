import type { Permission, RoleDto, RoleInput } from '@keyhouse/shared-contracts';

/** Where a new role applies, as the operator's radio buttons say it (radio values are strings). */
export type AppliesTo = 'platform' | 'organization';

export const APPLIES_TO_CHOICES: Array<{ id: AppliesTo; name: string }> = [
  { id: 'platform', name: 'All organizations (platform role)' },
  { id: 'organization', name: 'One organization' },
];

/** What the form holds: react-admin turns emptied text inputs into null. */
export interface RoleFormValues {
  label?: string | null;
  name?: string | null;
  /** Operators only: the rest always make a role of one of their organizations. */
  appliesTo?: AppliesTo;
  organizationId?: number | null;
  permissions?: Permission[];
}

export const ROLE_DEFAULTS: RoleFormValues = { appliesTo: 'organization', permissions: [] };

/** The organization a new role would apply in: null for a platform role, undefined while none is chosen. */
export const organizationOfNewRole = (values: RoleFormValues, onlyOrganizationId: number | undefined): number | null | undefined =>
  values.appliesTo === 'platform' ? null : (values.organizationId ?? onlyOrganizationId);

/**
 * The create body, with exactly the fields the API accepts. Without a machine name the API makes
 * one from the label; with a single organization to choose from the picker is hidden and the role
 * is that organization's.
 */
export const toRoleInput = (values: RoleFormValues, onlyOrganizationId: number | undefined): RoleInput => ({
  label: values.label ?? '',
  ...(values.name ? { name: values.name } : {}),
  permissions: values.permissions ?? [],
  organizationId: organizationOfNewRole(values, onlyOrganizationId) ?? null,
});

/** The update body: the name and the organization stay (users are given roles by name). */
export const toRoleChanges = ({ label, permissions }: RoleDto): Pick<RoleInput, 'label' | 'permissions'> => ({ label, permissions });
