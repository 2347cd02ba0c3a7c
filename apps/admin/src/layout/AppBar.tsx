import KeyIcon from '@mui/icons-material/Key';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { Divider, ListItemIcon, ListItemText, MenuItem, Stack, Typography } from '@mui/material';
import { forwardRef } from 'react';
import { AppBar as RaAppBar, Link, Logout, TitlePortal, UserMenu, useUserMenu } from 'react-admin';

import { MY_APPLICATIONS } from '../oauth-applications';

// A ref for the menu's keyboard focus, as react-admin's own user menu items take one.
const MyApplicationsItem = forwardRef<HTMLAnchorElement>(function MyApplicationsItem(props, ref) {
  const userMenu = useUserMenu();
  return (
    <MenuItem component={Link} to={`/${MY_APPLICATIONS}`} ref={ref} {...props} onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <VpnKeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>My OAuth applications</ListItemText>
    </MenuItem>
  );
});

/** What concerns the signed-in user themselves, as Oro's "My User" menu: their applications, and signing out. */
const KeyhouseUserMenu = () => (
  <UserMenu>
    <MyApplicationsItem />
    <Logout />
  </UserMenu>
);

/** react-admin's app bar with the product name before the page title. */
export const AppBar = () => (
  <RaAppBar userMenu={<KeyhouseUserMenu />}>
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
