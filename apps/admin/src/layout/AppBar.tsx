import KeyIcon from '@mui/icons-material/Key';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { Box, ListItemIcon, ListItemText, MenuItem, Stack, Typography } from '@mui/material';
import { forwardRef } from 'react';
import { AppBar as RaAppBar, Link, Logout, useGetIdentity, UserMenu, useUserMenu } from 'react-admin';

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

/**
 * What concerns the signed-in user themselves, as Oro's "My User" menu: their applications, and
 * signing out. Its button shows their name, so its accessible name holds that name too (a screen
 * reader or a voice command finds the words on screen), not "Profile" alone.
 */
const KeyhouseUserMenu = () => {
  const { identity } = useGetIdentity();
  return (
    <UserMenu label={identity?.fullName ? `${identity.fullName} (profile)` : 'Profile'}>
      <MyApplicationsItem />
      <Logout />
    </UserMenu>
  );
};

/** react-admin's app bar with the product name; the page title is the page's own heading (PageHeader). */
export const AppBar = () => (
  <RaAppBar userMenu={<KeyhouseUserMenu />}>
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mr: 2 }}>
      <KeyIcon fontSize="small" />
      <Typography variant="h6" component="span" sx={{ fontWeight: 600 }}>
        Keyhouse
      </Typography>
    </Stack>
    {/* Where react-admin's title would stretch: the bar's buttons stay at the right. */}
    <Box sx={{ flex: 1 }} />
  </RaAppBar>
);
