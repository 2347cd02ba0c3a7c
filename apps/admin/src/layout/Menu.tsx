import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import StorefrontIcon from '@mui/icons-material/Storefront';
import { Menu as RaMenu } from 'react-admin';

import { MenuGroup } from './MenuGroup';

/** The back-office navigation, grouped the way Oro's back-office is. */
export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <MenuGroup id="system" label="System" icon={<AdminPanelSettingsIcon />}>
      <MenuGroup id="system.user-management" label="User Management" icon={<ManageAccountsIcon />}>
        <RaMenu.ResourceItem name="users" />
        <RaMenu.ResourceItem name="organizations" />
        {/* Hidden by react-admin without oauth_applications.view (authProvider.canAccess). */}
        <RaMenu.ResourceItem name="oauth-applications" />
      </MenuGroup>
    </MenuGroup>
    <MenuGroup id="customers" label="Customers" icon={<StorefrontIcon />}>
      <RaMenu.ResourceItem name="customer-users" />
    </MenuGroup>
  </RaMenu>
);
