import EmailOutlinedIcon from '@mui/icons-material/EmailOutlined';

import { lazyView } from '../common';

export default {
  list: lazyView(() => import('./EmailList'), 'EmailList'),
  show: lazyView(() => import('./EmailShow'), 'EmailShow'),
  icon: EmailOutlinedIcon,
  recordRepresentation: 'subject',
  options: { label: 'Email |||| Emails' },
};
