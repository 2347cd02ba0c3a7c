import { GRANT_LABELS, type OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { Chip, Stack, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

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

/** Client IDs are compared character by character: monospace keeps them legible. */
export const ClientIdField = () => {
  const record = useRecordContext<OAuthApplicationDto>();
  if (!record) return null;
  return (
    <Typography variant="body2" component="span" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
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
