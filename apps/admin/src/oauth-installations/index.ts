import ExtensionIcon from '@mui/icons-material/Extension';

import { InstallationList } from './InstallationList';

export { InstallationScopesField } from './InstallationFields';
export { ApplicationInstallations, PersonInstallations } from './InstallationsSection';
export { CONNECTED_APPS, INSTALLATIONS, useUninstall } from './useUninstall';

export default {
  list: InstallationList,
  icon: ExtensionIcon,
  options: { label: 'Installed App |||| Installed Apps' },
};
