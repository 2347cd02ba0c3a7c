import { GRANT_LABELS, type OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

import { OrganizationField } from '../common';
import { DormantBadge } from './DormantBadge';
import { ThrottledBadge } from './ThrottledBadge';

/** "Active" / "Inactive" as a chip: the status is what an administrator scans the grid for. */
export const ActiveField = () => {
  const record = useRecordContext<OAuthApplicationDto>();
  if (!record) return null;
  return (
    <Chip
      size="small"
      label={record.active ? 'Active' : 'Inactive'}
      color={record.active ? 'success' : 'default'}
      variant={record.active ? 'filled' : 'outlined'}
      // Chips stretch in the column layouts of the show page otherwise.
      sx={{ width: 'fit-content' }}
    />
  );
};

export const GrantsField = () => {
  const record = useRecordContext<OAuthApplicationDto>();
  if (!record) return null;
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {record.grants.map((grant) => (
        <Chip key={grant} size="small" variant="outlined" label={GRANT_LABELS[grant]} />
      ))}
    </Stack>
  );
};

/**
 * Client IDs are compared character by character: monospace keeps them legible. In a grid,
 * `truncate` shows the first characters, enough to tell rows apart, and the whole ID on hover;
 * the page reads all of it to a screen reader, and the show page has it whole.
 */
export const ClientIdField = ({ truncate = false }: { truncate?: boolean }) => {
  const record = useRecordContext<OAuthApplicationDto>();
  if (!record) return null;
  return (
    <Typography
      variant="body2"
      component="span"
      title={truncate ? record.clientId : undefined}
      sx={{
        fontFamily: 'monospace',
        whiteSpace: 'nowrap',
        ...(truncate && { display: 'block', maxWidth: '11ch', overflow: 'hidden', textOverflow: 'ellipsis' }),
      }}
    >
      {record.clientId}
    </Typography>
  );
};

export const ApplicationTypeField = () => {
  const record = useRecordContext<OAuthApplicationDto>();
  if (!record) return null;
  return (
    <Typography variant="body2" component="span">
      {record.frontend ? 'Storefront' : 'Back-office'}
    </Typography>
  );
};

/** An application's row on a phone, below its name: status first, then the grid's columns, the organization where there are several. */
export const ApplicationPhoneDetails = ({ severalOrganizations }: { severalOrganizations: boolean }) => (
  <>
    <ActiveField />
    <DormantBadge />
    <ThrottledBadge />
    <GrantsField />
    {severalOrganizations && <OrganizationField />}
  </>
);
