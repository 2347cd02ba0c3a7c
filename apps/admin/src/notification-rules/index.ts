import type { NotificationRuleDto } from '@keyhouse/shared-contracts';
import RuleIcon from '@mui/icons-material/Rule';

import { eventLabel, lazyView } from '../common';

export default {
  list: lazyView(() => import('./NotificationRuleList'), 'NotificationRuleList'),
  edit: lazyView(() => import('./NotificationRuleEdit'), 'NotificationRuleEdit'),
  icon: RuleIcon,
  recordRepresentation: (rule: NotificationRuleDto) => eventLabel(rule.event),
  options: { label: 'Notification Rule |||| Notification Rules' },
};
