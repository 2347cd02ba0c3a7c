import type { RoleDto } from '@keyhouse/shared-contracts';
import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

import { OrganizationName } from '../common';

/** "All organizations" for a platform role, else the organization the role belongs to. */
export const AppliesToField = ({ link = false }: { link?: boolean }) => {
  const role = useRecordContext<RoleDto>();
  if (!role) return null;
  if (role.organizationId === null) {
    return (
      <Typography variant="body2" component="span">
        All organizations
      </Typography>
    );
  }
  return <OrganizationName id={role.organizationId} link={link} />;
};

/** The role's label, marked when it is one Keyhouse ships (and nobody edits). */
export const RoleLabelField = () => {
  const role = useRecordContext<RoleDto>();
  if (!role) return null;
  return (
    <Stack direction="row" component="span" sx={{ gap: 1, alignItems: 'center' }}>
      <Typography variant="body2" component="span">
        {role.label}
      </Typography>
      {role.builtIn && <Chip size="small" variant="outlined" label="Built-in" />}
    </Stack>
  );
};

/** The machine name users are given the role by. */
export const RoleNameField = () => {
  const role = useRecordContext<RoleDto>();
  if (!role) return null;
  return (
    <Typography variant="body2" component="span" sx={{ fontFamily: 'monospace' }}>
      {role.name}
    </Typography>
  );
};
