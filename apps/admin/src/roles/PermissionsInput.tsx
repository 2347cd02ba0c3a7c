import { PERMISSIONS, type Permission } from '@keyhouse/shared-contracts';
import { FormControl, FormHelperText, FormLabel } from '@mui/material';
import { InputHelperText, useInput } from 'react-admin';

import { useAccess, useOrganizationName } from '../common';
import { PermissionGrid } from './PermissionGrid';

const NONE: Permission[] = [];

interface PermissionsInputProps {
  /** Where the role applies: an organization, null for every one (a platform role), undefined while none is chosen. */
  organizationId: number | null | undefined;
  /** Only shown: the signed-in user may not change this role. */
  readOnly?: boolean;
}

/**
 * A role's permissions as Oro's grid. Nobody grants more than they hold: what the signed-in user
 * does not hold where the role applies is disabled, and says so (an operator holds everything).
 */
export const PermissionsInput = ({ organizationId, readOnly = false }: PermissionsInputProps) => {
  const { field, fieldState, formState } = useInput({ source: 'permissions', defaultValue: NONE });
  const access = useAccess();
  const organizationName = useOrganizationName(organizationId) ?? 'this organization';
  const value: Permission[] = Array.isArray(field.value) ? field.value : NONE;

  const unavailable = (permission: Permission): string | undefined => {
    if (access.platformOperator) return undefined;
    if (organizationId === undefined) return 'Choose the organization first: you may grant only what you hold there.';
    if (organizationId === null) return 'Only a platform operator grants permissions in every organization.';
    return access.can(permission, organizationId) ? undefined : `You do not hold this permission in ${organizationName}, so you cannot grant it.`;
  };
  const someUnavailable = !readOnly && PERMISSIONS.some((permission) => unavailable(permission) !== undefined);
  const error = fieldState.error && (fieldState.isTouched || formState.isSubmitted) ? fieldState.error.message : undefined;

  return (
    <FormControl component="fieldset" error={error !== undefined} margin="dense" sx={{ width: '100%' }}>
      <FormLabel component="legend" sx={{ mb: 1 }}>
        Permissions
      </FormLabel>
      <PermissionGrid
        label="Permissions"
        value={value}
        onChange={readOnly ? undefined : field.onChange}
        onBlur={field.onBlur}
        unavailable={unavailable}
      />
      <FormHelperText>
        <InputHelperText
          error={error}
          helperText={
            someUnavailable
              ? 'Greyed-out permissions are ones you do not hold there: nobody grants more than they hold.'
              : 'What users given this role may do in the organization where they hold it.'
          }
        />
      </FormHelperText>
    </FormControl>
  );
};
