import type { UserDto } from '@keyhouse/shared-contracts';
import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

import { OrganizationName } from '../common';
import { roleLabel, useRoles } from '../roles';

/** Marks a platform operator (nothing for anyone else). */
export const PlatformOperatorChip = () => {
  const user = useRecordContext<UserDto>();
  if (!user?.platformOperator) return null;
  return (
    <Tooltip title="Manages every organization and the platform itself">
      <Chip size="small" color="secondary" variant="outlined" label="Platform operator" />
    </Tooltip>
  );
};

/** The username, marked when they are a platform operator. */
export const UsernameField = () => {
  const user = useRecordContext<UserDto>();
  if (!user) return null;
  return (
    <Stack direction="row" component="span" sx={{ gap: 1, alignItems: 'center' }}>
      <Typography variant="body2" component="span">
        {user.username}
      </Typography>
      <PlatformOperatorChip />
    </Stack>
  );
};

/** Each organization they belong to (of those the viewer sees) with their roles there, by label. */
export const MembershipsField = () => {
  const user = useRecordContext<UserDto>();
  const { roles } = useRoles();
  if (!user) return null;
  if (user.memberships.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {user.platformOperator ? 'None: as a platform operator they reach every organization anyway.' : 'None'}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Memberships" sx={{ width: 'auto' }}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            Organization
          </TableCell>
          <TableCell component="th" scope="col">
            Roles
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {user.memberships.map((membership) => (
          <TableRow key={membership.organizationId}>
            <TableCell component="th" scope="row">
              <OrganizationName id={membership.organizationId} link />
            </TableCell>
            <TableCell>
              {membership.roles.length === 0 ? (
                <Typography variant="body2" color="text.secondary" component="span">
                  No roles
                </Typography>
              ) : (
                <Stack direction="row" component="span" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
                  {membership.roles.map((name) => (
                    <Chip key={name} size="small" label={roleLabel(name, roles)} />
                  ))}
                </Stack>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
