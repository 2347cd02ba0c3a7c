import GroupIcon from '@mui/icons-material/Group';

import { CustomerUserCreate } from './CustomerUserCreate';
import { CustomerUserEdit } from './CustomerUserEdit';
import { CustomerUserList } from './CustomerUserList';
import { CustomerUserShow } from './CustomerUserShow';

export default {
  list: CustomerUserList,
  create: CustomerUserCreate,
  edit: CustomerUserEdit,
  show: CustomerUserShow,
  icon: GroupIcon,
  recordRepresentation: 'email',
  // Singular |||| plural, as react-admin's i18n reads it (titles say "Customer User").
  options: { label: 'Customer User |||| Customer Users' },
};
