import { Admin, Resource } from 'react-admin';

import { Layout, LoginPage } from './layout';
import { Dashboard, RESOURCES } from './pages';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { queryClient } from './providers/queryClient';
import { theme } from './theme';

export const App = () => (
  <Admin
    title="Keyhouse"
    disableTelemetry
    requireAuth
    authProvider={authProvider}
    dataProvider={dataProvider}
    i18nProvider={i18nProvider}
    queryClient={queryClient}
    dashboard={Dashboard}
    layout={Layout}
    loginPage={LoginPage}
    theme={theme}
  >
    {Object.entries(RESOURCES).map(([name, resource]) => (
      <Resource key={name} name={name} {...resource} />
    ))}
  </Admin>
);
