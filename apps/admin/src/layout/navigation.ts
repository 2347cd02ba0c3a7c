import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import HubIcon from '@mui/icons-material/Hub';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import NotificationsOutlinedIcon from '@mui/icons-material/NotificationsOutlined';
import StorefrontIcon from '@mui/icons-material/Storefront';
import type { SvgIconProps } from '@mui/material';
import type { ComponentType } from 'react';

/** A collapsible group of the menu; its entries are resource names or groups. */
export interface NavigationGroup {
  /** Key under which the menu remembers whether the group is open. */
  id: string;
  label: string;
  icon: ComponentType<SvgIconProps>;
  entries: NavigationEntry[];
}

export type NavigationEntry = string | NavigationGroup;

/**
 * The back-office's places, grouped the way Oro's back-office is. The one source of the menu
 * (Menu.tsx), of the breadcrumbs and of the group a deep link opens: a resource moves in the
 * menu and its pages' trail follows.
 */
export const NAVIGATION: NavigationGroup[] = [
  {
    id: 'system',
    label: 'System',
    icon: AdminPanelSettingsIcon,
    entries: [
      {
        id: 'system.user-management',
        label: 'User Management',
        icon: ManageAccountsIcon,
        entries: ['users', 'roles', 'organizations', 'oauth-applications'],
      },
      {
        id: 'system.notifications',
        label: 'Notifications',
        icon: NotificationsOutlinedIcon,
        entries: ['emails', 'email-templates', 'notification-rules'],
      },
      'audit-events',
    ],
  },
  { id: 'customers', label: 'Customers', icon: StorefrontIcon, entries: ['customer-users'] },
  { id: 'integrations', label: 'Integrations', icon: HubIcon, entries: ['oauth-installations', 'connected-apps'] },
];

/** Every resource a group leads to, its nested groups' included. */
export function resourcesUnder(group: NavigationGroup): string[] {
  return group.entries.flatMap((entry) => (typeof entry === 'string' ? [entry] : resourcesUnder(entry)));
}

/** The groups, outermost first, that lead to a resource; none for a resource outside the menu. */
export function groupsLeadingTo(resource: string, groups: NavigationGroup[] = NAVIGATION): NavigationGroup[] {
  for (const group of groups) {
    if (group.entries.includes(resource)) return [group];
    const nested = groupsLeadingTo(
      resource,
      group.entries.filter((entry): entry is NavigationGroup => typeof entry !== 'string'),
    );
    if (nested.length > 0) return [group, ...nested];
  }
  return [];
}
