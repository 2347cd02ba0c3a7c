import LinkIcon from '@mui/icons-material/Link';

import { ConnectedAppList } from './ConnectedAppList';

export default {
  list: ConnectedAppList,
  icon: LinkIcon,
  options: { label: 'Connected App |||| Connected Apps' },
};
