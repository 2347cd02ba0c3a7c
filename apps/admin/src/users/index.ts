import PersonIcon from '@mui/icons-material/Person';

import { UserList } from './UserList';
import { UserShow } from './UserShow';

export default {
  list: UserList,
  show: UserShow,
  icon: PersonIcon,
  recordRepresentation: 'username',
};
