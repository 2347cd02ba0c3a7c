import { Admin, Resource } from 'react-admin';

import auditEvents from './audit-events';
import { lazyView } from './common';
import connectedApps from './connected-apps';
import customerUsers from './customer-users';
import emailTemplates from './email-templates';
import emails from './emails';
import { Layout, LoginPage } from './layout';
import notificationRules from './notification-rules';
import oauthApplications, { myOAuthApplications } from './oauth-applications';
import oauthInstallations from './oauth-installations';
import organizations from './organizations';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { queryClient } from './providers/queryClient';
import roles from './roles';
import { theme } from './theme';
import users from './users';

// Shown after the sign-in, like every page: its code stays out of the sign-in page's download.
const Dashboard = lazyView(() => import('./dashboard'), 'Dashboard');

export const App = () => (
  <Admin
    title="Keyhouse"
    disableTelemetry
    requireAuth
    authProvider={authProvider}
    dataProvider={dataProvider}
    queryClient={queryClient}
    dashboard={Dashboard}
    layout={Layout}
    loginPage={LoginPage}
    theme={theme}
  >
    <Resource name="users" {...users} />
    <Resource name="roles" {...roles} />
    <Resource name="organizations" {...organizations} />
    <Resource name="customer-users" {...customerUsers} />
    <Resource name="oauth-applications" {...oauthApplications} />
    <Resource name="my-oauth-applications" {...myOAuthApplications} />
    <Resource name="emails" {...emails} />
    <Resource name="email-templates" {...emailTemplates} />
    <Resource name="notification-rules" {...notificationRules} />
    <Resource name="audit-events" {...auditEvents} />
    <Resource name="oauth-installations" {...oauthInstallations} />
    <Resource name="connected-apps" {...connectedApps} />
  </Admin>
);
