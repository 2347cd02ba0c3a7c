import KeyIcon from '@mui/icons-material/Key';
import { Divider, Stack, Typography } from '@mui/material';
import { AppBar as RaAppBar, TitlePortal } from 'react-admin';

/** react-admin's app bar with the product name before the page title. */
export const AppBar = () => (
  <RaAppBar>
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mr: 2 }}>
      <KeyIcon fontSize="small" />
      <Typography variant="h6" component="span" sx={{ fontWeight: 600 }}>
        Keyhouse
      </Typography>
    </Stack>
    <Divider orientation="vertical" flexItem sx={{ borderColor: 'rgba(255, 255, 255, 0.3)', my: 1.5, mr: 2 }} />
    <TitlePortal />
  </RaAppBar>
);
