import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import HubIcon from '@mui/icons-material/Hub';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import NotificationsOutlinedIcon from '@mui/icons-material/NotificationsOutlined';
import StorefrontIcon from '@mui/icons-material/Storefront';
import { Menu as RaMenu, useCanAccessResources } from 'react-admin';

import { MenuGroup } from './MenuGroup';

// The lists each group leads to, nested groups included.
const USER_MANAGEMENT = ['users', 'roles', 'organizations', 'oauth-applications'];
const NOTIFICATIONS = ['emails', 'email-templates', 'notification-rules'];
const SYSTEM = [...USER_MANAGEMENT, ...NOTIFICATIONS, 'audit-events'];
const CUSTOMERS = ['customer-users'];
const INTEGRATIONS = ['oauth-installations', 'connected-apps'];

/**
 * The back-office navigation, grouped the way Oro's back-office is. react-admin hides each entry
 * the signed-in user may not list (authProvider.canAccess); a group with none left is hidden too,
 * or it would open on nothing.
 */
export const Menu = () => {
  const { canAccess } = useCanAccessResources({ action: 'list', resources: [...SYSTEM, ...CUSTOMERS, ...INTEGRATIONS] });
  const any = (resources: string[]) => resources.some((resource) => canAccess?.[resource] === true);

  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {any(SYSTEM) && (
        <MenuGroup id="system" label="System" icon={<AdminPanelSettingsIcon />}>
          {any(USER_MANAGEMENT) && (
            <MenuGroup id="system.user-management" label="User Management" icon={<ManageAccountsIcon />}>
              <RaMenu.ResourceItem name="users" />
              <RaMenu.ResourceItem name="roles" />
              <RaMenu.ResourceItem name="organizations" />
              <RaMenu.ResourceItem name="oauth-applications" />
            </MenuGroup>
          )}
          {any(NOTIFICATIONS) && (
            <MenuGroup id="system.notifications" label="Notifications" icon={<NotificationsOutlinedIcon />}>
              <RaMenu.ResourceItem name="emails" />
              <RaMenu.ResourceItem name="email-templates" />
              <RaMenu.ResourceItem name="notification-rules" />
            </MenuGroup>
          )}
          <RaMenu.ResourceItem name="audit-events" />
        </MenuGroup>
      )}
      {any(CUSTOMERS) && (
        <MenuGroup id="customers" label="Customers" icon={<StorefrontIcon />}>
          <RaMenu.ResourceItem name="customer-users" />
        </MenuGroup>
      )}
      {any(INTEGRATIONS) && (
        <MenuGroup id="integrations" label="Integrations" icon={<HubIcon />}>
          <RaMenu.ResourceItem name="oauth-installations" />
          <RaMenu.ResourceItem name="connected-apps" />
        </MenuGroup>
      )}
    </RaMenu>
  );
};
