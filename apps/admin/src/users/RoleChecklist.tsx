import type { RoleDto } from '@keyhouse/shared-contracts';
import { Box, Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, Tooltip } from '@mui/material';
import { useId } from 'react';
import { InputHelperText } from 'react-admin';

import { useAccess, useOrganizationName, VISUALLY_HIDDEN } from '../common';
import { assignableIn, useRoles } from '../roles';

interface RoleChecklistProps {
  /** The membership's organization; null while none is chosen. */
  organizationId: number | null;
  /** Role names. */
  value: readonly string[];
  onChange(roles: string[]): void;
  onBlur?: () => void;
  label?: string;
  error?: string;
  helperText?: string;
}

/**
 * The roles of one membership, as checkboxes named by the roles' labels: the platform's roles and
 * the organization's own. A role that allows more than the signed-in user may do there is
 * disabled and says so: nobody grants more than they hold.
 */
export const RoleChecklist = ({ organizationId, value, onChange, onBlur, label = 'Roles', error, helperText }: RoleChecklistProps) => {
  const { roles } = useRoles();
  const access = useAccess();
  const organizationName = useOrganizationName(organizationId) ?? 'this organization';
  const id = useId();

  const beyond = (role: RoleDto): string | undefined =>
    organizationId !== null && role.permissions.some((permission) => !access.can(permission, organizationId))
      ? `${role.label} allows more than you may do in ${organizationName}: only someone who may do all of it can grant it.`
      : undefined;
  const toggle = (name: string, checked: boolean) => onChange(checked ? [...value, name] : value.filter((held) => held !== name));

  return (
    <FormControl component="fieldset" error={error !== undefined} margin="dense" sx={{ minWidth: 0 }}>
      <FormLabel component="legend">{label}</FormLabel>
      {organizationId === null ? (
        <FormHelperText sx={{ mx: 0 }}>Choose the organization first: its roles are offered with the platform&apos;s.</FormHelperText>
      ) : (
        <FormGroup row>
          {assignableIn(roles, organizationId).map((role) => {
            const reason = beyond(role);
            const reasonId = `${id}-${role.id}-reason`;
            const control = (
              <FormControlLabel
                label={role.label}
                control={
                  <Checkbox
                    checked={value.includes(role.name)}
                    disabled={reason !== undefined}
                    onChange={(event) => toggle(role.name, event.target.checked)}
                    onBlur={onBlur}
                    slotProps={{ input: reason ? { 'aria-describedby': reasonId } : {} }}
                  />
                }
              />
            );
            if (reason === undefined) return <Box key={role.id}>{control}</Box>;
            return (
              <Tooltip key={role.id} title={reason}>
                {/* A disabled input receives no pointer events: the tooltip listens on its wrapper. */}
                <Box component="span">
                  {control}
                  <Box component="span" id={reasonId} sx={VISUALLY_HIDDEN}>
                    {reason}
                  </Box>
                </Box>
              </Tooltip>
            );
          })}
        </FormGroup>
      )}
      {(error || helperText) && (
        <FormHelperText sx={{ mx: 0 }}>
          <InputHelperText error={error} helperText={helperText} />
        </FormHelperText>
      )}
    </FormControl>
  );
};
