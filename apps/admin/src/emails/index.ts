import EmailOutlinedIcon from '@mui/icons-material/EmailOutlined';

import { EmailList } from './EmailList';
import { EmailShow } from './EmailShow';

export default {
  list: EmailList,
  show: EmailShow,
  icon: EmailOutlinedIcon,
  recordRepresentation: 'subject',
  options: { label: 'Email |||| Emails' },
};
