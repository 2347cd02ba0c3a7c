import VpnKeyIcon from '@mui/icons-material/VpnKey';

import { lazyView } from '../common';

export { OrganizationApplications } from './OrganizationApplications';
export { UserApplications } from './UserApplications';
export { APPLICATIONS, MY_APPLICATIONS } from './resourceNames';

const OAuthApplicationShow = lazyView(() => import('./OAuthApplicationShow'), 'OAuthApplicationShow');

export default {
  list: lazyView(() => import('./OAuthApplicationList'), 'OAuthApplicationList'),
  create: lazyView(() => import('./OAuthApplicationCreate'), 'OAuthApplicationCreate'),
  edit: lazyView(() => import('./OAuthApplicationEdit'), 'OAuthApplicationEdit'),
  show: OAuthApplicationShow,
  icon: VpnKeyIcon,
  recordRepresentation: 'name',
  // Singular |||| plural, as react-admin's i18n reads it (titles say "Create OAuth Application").
  options: { label: 'OAuth Application |||| OAuth Applications' },
};

/**
 * The same applications, those acting as the signed-in user, under the user menu. Creating one
 * happens on the applications' own create page; its page is the same as theirs.
 */
export const myOAuthApplications = {
  list: lazyView(() => import('./MyOAuthApplicationList'), 'MyOAuthApplicationList'),
  show: OAuthApplicationShow,
  icon: VpnKeyIcon,
  recordRepresentation: 'name',
  options: { label: 'My OAuth application |||| My OAuth applications' },
};
