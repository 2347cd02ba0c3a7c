import GroupIcon from '@mui/icons-material/Group';

import { CustomerUserList } from './CustomerUserList';
import { CustomerUserShow } from './CustomerUserShow';

export default {
  list: CustomerUserList,
  show: CustomerUserShow,
  icon: GroupIcon,
  recordRepresentation: 'email',
  // Singular |||| plural, as react-admin's i18n reads it (titles say "Customer User").
  options: { label: 'Customer User |||| Customer Users' },
};
