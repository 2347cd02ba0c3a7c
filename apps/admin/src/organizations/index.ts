import ApartmentIcon from '@mui/icons-material/Apartment';

import { lazyView } from '../common';

export default {
  list: lazyView(() => import('./OrganizationList'), 'OrganizationList'),
  create: lazyView(() => import('./OrganizationCreate'), 'OrganizationCreate'),
  show: lazyView(() => import('./OrganizationShow'), 'OrganizationShow'),
  icon: ApartmentIcon,
  recordRepresentation: 'name',
};
