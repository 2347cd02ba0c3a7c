import GroupIcon from '@mui/icons-material/Group';

import { lazyView } from '../common';

export default {
  list: lazyView(() => import('./CustomerUserList'), 'CustomerUserList'),
  create: lazyView(() => import('./CustomerUserCreate'), 'CustomerUserCreate'),
  edit: lazyView(() => import('./CustomerUserEdit'), 'CustomerUserEdit'),
  show: lazyView(() => import('./CustomerUserShow'), 'CustomerUserShow'),
  icon: GroupIcon,
  recordRepresentation: 'email',
  // Singular |||| plural, as react-admin's i18n reads it (titles say "Customer User").
  options: { label: 'Customer User |||| Customer Users' },
};
