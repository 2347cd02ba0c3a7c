import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';

import { lazyView } from '../common';

export default {
  list: lazyView(() => import('./RoleList'), 'RoleList'),
  create: lazyView(() => import('./RoleCreate'), 'RoleCreate'),
  edit: lazyView(() => import('./RoleEdit'), 'RoleEdit'),
  show: lazyView(() => import('./RoleShow'), 'RoleShow'),
  icon: VerifiedUserIcon,
  recordRepresentation: 'label',
};

export { assignableIn, roleLabel, useRoles } from './useRoles';
