import PersonIcon from '@mui/icons-material/Person';

import { lazyView } from '../common';

export default {
  list: lazyView(() => import('./UserList'), 'UserList'),
  create: lazyView(() => import('./UserCreate'), 'UserCreate'),
  edit: lazyView(() => import('./UserEdit'), 'UserEdit'),
  show: lazyView(() => import('./UserShow'), 'UserShow'),
  icon: PersonIcon,
  recordRepresentation: 'username',
};
