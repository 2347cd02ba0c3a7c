import VpnKeyIcon from '@mui/icons-material/VpnKey';

import { OAuthApplicationCreate } from './OAuthApplicationCreate';
import { OAuthApplicationEdit } from './OAuthApplicationEdit';
import { OAuthApplicationList } from './OAuthApplicationList';
import { OAuthApplicationShow } from './OAuthApplicationShow';

export { UserApplications } from './UserApplications';

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
