import ExtensionIcon from '@mui/icons-material/Extension';

import { lazyView } from '../common';

export { InstallationScopesField } from './InstallationFields';
export { ApplicationInstallations, PersonInstallations } from './InstallationsSection';
export { CONNECTED_APPS, INSTALLATIONS, useUninstall } from './useUninstall';

export default {
  list: lazyView(() => import('./InstallationList'), 'InstallationList'),
  icon: ExtensionIcon,
  options: { label: 'Installed App |||| Installed Apps' },
};
