import type { OAuthInstallationDto } from '@keyhouse/shared-contracts';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import { Button, Card, CardActions, CardContent, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import { DateField, useRecordContext } from 'react-admin';

import { CONNECTED_APPS, InstallationScopesField, useUninstall } from '../oauth-installations';

/** One app the signed-in user authorized: what it may do, where, since when, and the way to stop it. */
export const ConnectedAppCard = () => {
  const record = useRecordContext<OAuthInstallationDto>();
  const titleId = useId();
  const { label, start, isPending, confirmDialog } = useUninstall(record, CONNECTED_APPS);
  if (!record) return null;

  return (
    <Card component="article" aria-labelledby={titleId} variant="outlined" sx={{ display: 'flex', flexDirection: 'column' }}>
      <CardContent sx={{ flexGrow: 1 }}>
        <Stack spacing={1.5}>
          <div>
            <Typography id={titleId} variant="h6" component="h2">
              {record.application.name}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              In {record.organizationName}
            </Typography>
          </div>
          <Stack spacing={0.5}>
            <Typography variant="caption" color="text.secondary">
              Scopes
            </Typography>
            <InstallationScopesField />
          </Stack>
          <Typography variant="body2" color="text.secondary">
            Authorized <DateField source="createdAt" showTime />
          </Typography>
        </Stack>
      </CardContent>
      <CardActions sx={{ justifyContent: 'flex-end', px: 2, pb: 2 }}>
        <Button color="error" startIcon={<LinkOffIcon />} onClick={start} disabled={isPending}>
          {label}
        </Button>
      </CardActions>
      {confirmDialog}
    </Card>
  );
};
