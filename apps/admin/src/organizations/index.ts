import ApartmentIcon from '@mui/icons-material/Apartment';

import { OrganizationList } from './OrganizationList';
import { OrganizationShow } from './OrganizationShow';

export default {
  list: OrganizationList,
  show: OrganizationShow,
  icon: ApartmentIcon,
  recordRepresentation: 'name',
};
