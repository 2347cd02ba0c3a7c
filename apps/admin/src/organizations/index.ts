import ApartmentIcon from '@mui/icons-material/Apartment';

import { OrganizationCreate } from './OrganizationCreate';
import { OrganizationList } from './OrganizationList';
import { OrganizationShow } from './OrganizationShow';

export default {
  list: OrganizationList,
  create: OrganizationCreate,
  show: OrganizationShow,
  icon: ApartmentIcon,
  recordRepresentation: 'name',
};
