import type { ResourceProps } from 'react-admin';

import auditEvents from './audit-events';
import { type LazyView, lazyView } from './common';
import connectedApps from './connected-apps';
import customerUsers from './customer-users';
import emailTemplates from './email-templates';
import emails from './emails';
import notificationRules from './notification-rules';
import oauthApplications, { myOAuthApplications } from './oauth-applications';
import oauthInstallations from './oauth-installations';
import organizations from './organizations';
import roles from './roles';
import users from './users';

type View = 'list' | 'create' | 'edit' | 'show';

/** A resource's definition (react-admin's <Resource> props but its name), its pages loaded on demand. */
export type ConsoleResource = Omit<ResourceProps, 'name' | View> & Partial<Record<View, LazyView>>;

/** Every resource of the console, by name: App registers them, the sign-in page preloads from them. */
export const RESOURCES: Record<string, ConsoleResource> = {
  users,
  roles,
  organizations,
  'customer-users': customerUsers,
  'oauth-applications': oauthApplications,
  'my-oauth-applications': myOAuthApplications,
  emails,
  'email-templates': emailTemplates,
  'notification-rules': notificationRules,
  'audit-events': auditEvents,
  'oauth-installations': oauthInstallations,
  'connected-apps': connectedApps,
};

export const Dashboard = lazyView(() => import('./dashboard'), 'Dashboard');

/** The view react-admin shows at a path of a resource: /name, /name/create, /name/:id/show, /name/:id. */
const viewAt = ([id, action]: string[]): View => (id === undefined ? 'list' : id === 'create' ? 'create' : action === 'show' ? 'show' : 'edit');

/** Starts loading the code of the page at `pathname` (within the console, `/` being the dashboard). */
export function preloadPage(pathname: string): void {
  const [name, ...rest] = pathname.split('/').filter(Boolean);
  if (name === undefined) return Dashboard.preload();
  RESOURCES[name]?.[viewAt(rest)]?.preload();
}
