import LinkIcon from '@mui/icons-material/Link';

import { lazyView } from '../common';

export default {
  list: lazyView(() => import('./ConnectedAppList'), 'ConnectedAppList'),
  icon: LinkIcon,
  options: { label: 'Connected App |||| Connected Apps' },
};
