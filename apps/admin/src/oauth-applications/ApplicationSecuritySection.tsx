import { usesClientSecret, type OAuthApplicationDto } from '@keyhouse/shared-contracts';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Alert, Box, Button, Chip, Divider, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import { Labeled, useCanAccess, useRecordContext } from 'react-admin';

import { APPLICATIONS } from './resourceNames';
import { useIsThrottled, useUnlock } from './useApplicationThrottle';

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
 * Where the application may get tokens from, and how its client authentication is going: a client
 * address that sends too many wrong secrets is refused for a while (never the others), and an
 * editor may unlock every address early. A public client has no secret to fail with nor Client
 * Credentials to restrict; a private_key_jwt client has no secret either, but may have IP ranges.
 */
export const ApplicationSecuritySection = () => {
  const record = useRecordContext<OAuthApplicationDto>();
  const { canAccess: canEdit } = useCanAccess({ resource: APPLICATIONS, action: 'edit' });
  const throttled = useIsThrottled(record);
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
        {throttled && record.lockedUntil && (
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
            Throttled until {new Date(record.lockedUntil).toLocaleString()}: client addresses that sent too many wrong
            secrets are refused until then, even with the right secret. Its clients at other addresses are not affected.
          </Alert>
        )}
        <Box sx={{ display: 'grid', gap: 4, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' } }}>
          {record.grants.includes('client_credentials') && (
            <Labeled label="Allowed IP ranges">
              <IpRanges ranges={record.allowedIpRanges} />
            </Labeled>
          )}
          {usesClientSecret(record.tokenEndpointAuthMethod) && (
            <Labeled label="Recent wrong secrets">
              <Typography variant="body2">{record.failedAuthentications}</Typography>
            </Labeled>
          )}
        </Box>
      </Stack>
      {unlock.confirmDialog}
    </>
  );
};
