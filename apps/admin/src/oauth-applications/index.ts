import VpnKeyIcon from '@mui/icons-material/VpnKey';

import { MyOAuthApplicationList } from './MyOAuthApplicationList';
import { OAuthApplicationCreate } from './OAuthApplicationCreate';
import { OAuthApplicationEdit } from './OAuthApplicationEdit';
import { OAuthApplicationList } from './OAuthApplicationList';
import { OAuthApplicationShow } from './OAuthApplicationShow';

export { OrganizationApplications } from './OrganizationApplications';
export { UserApplications } from './UserApplications';
export { APPLICATIONS, MY_APPLICATIONS } from './useApplicationActions';

export default {
  list: OAuthApplicationList,
  create: OAuthApplicationCreate,
  edit: OAuthApplicationEdit,
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
  list: MyOAuthApplicationList,
  show: OAuthApplicationShow,
  icon: VpnKeyIcon,
  recordRepresentation: 'name',
  options: { label: 'My OAuth application |||| My OAuth applications' },
};
