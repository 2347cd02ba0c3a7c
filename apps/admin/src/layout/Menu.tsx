import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import HubIcon from '@mui/icons-material/Hub';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import NotificationsOutlinedIcon from '@mui/icons-material/NotificationsOutlined';
import StorefrontIcon from '@mui/icons-material/Storefront';
import { Menu as RaMenu, useCanAccess } from 'react-admin';

import { MenuGroup } from './MenuGroup';

/**
 * Emails, their templates and their rules need notifications.view. react-admin hides each
 * entry without it; the group header is ours to hide, or it would open on nothing.
 */
const NotificationsGroup = () => {
  const { canAccess } = useCanAccess({ resource: 'emails', action: 'list' });
  if (!canAccess) return null;
  return (
    <MenuGroup id="system.notifications" label="Notifications" icon={<NotificationsOutlinedIcon />}>
      <RaMenu.ResourceItem name="emails" />
      <RaMenu.ResourceItem name="email-templates" />
      <RaMenu.ResourceItem name="notification-rules" />
    </MenuGroup>
  );
};

/** The back-office navigation, grouped the way Oro's back-office is. */
export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <MenuGroup id="system" label="System" icon={<AdminPanelSettingsIcon />}>
      <MenuGroup id="system.user-management" label="User Management" icon={<ManageAccountsIcon />}>
        <RaMenu.ResourceItem name="users" />
        {/* Hidden by react-admin without roles.view (authProvider.canAccess). */}
        <RaMenu.ResourceItem name="roles" />
        <RaMenu.ResourceItem name="organizations" />
        {/* Hidden by react-admin without oauth_applications.view (authProvider.canAccess). */}
        <RaMenu.ResourceItem name="oauth-applications" />
      </MenuGroup>
      <NotificationsGroup />
      {/* Hidden by react-admin without audit.view. */}
      <RaMenu.ResourceItem name="audit-events" />
    </MenuGroup>
    <MenuGroup id="customers" label="Customers" icon={<StorefrontIcon />}>
      <RaMenu.ResourceItem name="customer-users" />
    </MenuGroup>
    <MenuGroup id="integrations" label="Integrations" icon={<HubIcon />}>
      {/* Installed Apps is hidden by react-admin without oauth_installations.view; everyone has Connected Apps. */}
      <RaMenu.ResourceItem name="oauth-installations" />
      <RaMenu.ResourceItem name="connected-apps" />
    </MenuGroup>
  </RaMenu>
);
