import type { OAuthInstallationDto } from '@keyhouse/shared-contracts';
import LinkIcon from '@mui/icons-material/Link';
import { Alert, Box, Card, CardContent, Skeleton, Typography } from '@mui/material';
import { List, Pagination, RecordContextProvider, useListContext } from 'react-admin';

import { ListEmpty } from '../common';
import { ConnectedAppCard } from './ConnectedAppCard';

const GRID = {
  display: 'grid',
  gap: 2,
  p: 2,
  gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
};

const PLACEHOLDERS = [0, 1, 2];

const ConnectedAppGrid = () => {
  const { data, isPending, error } = useListContext<OAuthInstallationDto>();
  if (error) {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        Your connected apps could not be loaded: {error.message}
      </Alert>
    );
  }
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 2 }}>
        These apps may use Keyhouse on your behalf. Disconnecting one stops its access at once.
      </Typography>
      <Box sx={GRID} aria-busy={isPending}>
        {isPending
          ? PLACEHOLDERS.map((placeholder) => (
              <Card key={placeholder} variant="outlined">
                <CardContent>
                  <Skeleton width="60%" height={32} />
                  <Skeleton width="40%" />
                  <Skeleton width="80%" />
                </CardContent>
              </Card>
            ))
          : data.map((installation) => (
              <RecordContextProvider key={installation.id} value={installation}>
                <ConnectedAppCard />
              </RecordContextProvider>
            ))}
      </Box>
    </>
  );
};

/** Integrations > Connected Apps: every user's own authorized apps, whatever their permissions. */
export const ConnectedAppList = () => (
  <List
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={24}
    actions={false}
    pagination={<Pagination rowsPerPageOptions={[12, 24, 48]} />}
    empty={
      <ListEmpty
        icon={LinkIcon}
        message="No connected apps"
        hint="Apps you authorize to use your account appear here, and you can disconnect them at any time."
      />
    }
  >
    <ConnectedAppGrid />
  </List>
);
