import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Alert, Box, Button, Chip, Divider, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import { Labeled, useCanAccess, useRecordContext } from 'react-admin';

import { APPLICATIONS } from './useApplicationActions';
import { useIsLocked, useUnlock } from './useApplicationLock';

const IpRanges = ({ ranges }: { ranges: string[] }) =>
  ranges.length === 0 ? (
    <Typography variant="body2">Any address</Typography>
  ) : (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {ranges.map((range) => (
        <Chip key={range} size="small" label={range} sx={{ fontFamily: 'monospace' }} />
      ))}
    </Stack>
  );

/**
 * Where the application may get tokens from, and how its client authentication is going: after
 * too many failures in a row the token endpoint refuses it for a while, and an editor may unlock
 * it early. A public client has no secret to fail with nor Client Credentials to restrict.
 */
export const ApplicationSecuritySection = () => {
  const record = useRecordContext<OAuthApplicationDto>();
  const { canAccess: canEdit } = useCanAccess({ resource: APPLICATIONS, action: 'edit' });
  const locked = useIsLocked(record);
  const unlock = useUnlock(record);
  const headingId = useId();

  if (!record?.confidential) return null;

  return (
    <>
      <Divider />
      <Stack component="section" aria-labelledby={headingId} spacing={2} sx={{ p: 2 }}>
        <Typography id={headingId} variant="h6" component="h2">
          Security
        </Typography>
        {locked && record.lockedUntil && (
          <Alert
            severity="warning"
            action={
              canEdit && (
                <Button color="inherit" size="small" startIcon={<LockOpenIcon />} onClick={unlock.start} disabled={unlock.isPending}>
                  Unlock
                </Button>
              )
            }
          >
            Locked until {new Date(record.lockedUntil).toLocaleString()} after too many failed authentications. Its
            clients get no tokens until then, even with the right secret.
          </Alert>
        )}
        <Box sx={{ display: 'grid', gap: 4, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' } }}>
          {record.grants.includes('client_credentials') && (
            <Labeled label="Allowed IP ranges">
              <IpRanges ranges={record.allowedIpRanges} />
            </Labeled>
          )}
          <Labeled label="Failed authentications in a row">
            <Typography variant="body2">{record.failedAuthentications}</Typography>
          </Labeled>
        </Box>
      </Stack>
      {unlock.confirmDialog}
    </>
  );
};
