import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';

import { RoleCreate } from './RoleCreate';
import { RoleEdit } from './RoleEdit';
import { RoleList } from './RoleList';
import { RoleShow } from './RoleShow';

export default {
  list: RoleList,
  create: RoleCreate,
  edit: RoleEdit,
  show: RoleShow,
  icon: VerifiedUserIcon,
  recordRepresentation: 'label',
};

export { assignableIn, roleLabel, useRoles } from './useRoles';
