import PersonIcon from '@mui/icons-material/Person';

import { UserCreate } from './UserCreate';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

export default {
  list: UserList,
  create: UserCreate,
  show: UserShow,
  icon: PersonIcon,
  recordRepresentation: 'username',
};
