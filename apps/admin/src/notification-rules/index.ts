import type { NotificationRuleDto } from '@keyhouse/shared-contracts';
import RuleIcon from '@mui/icons-material/Rule';

import { eventLabel } from '../common';
import { NotificationRuleEdit } from './NotificationRuleEdit';
import { NotificationRuleList } from './NotificationRuleList';

export default {
  list: NotificationRuleList,
  edit: NotificationRuleEdit,
  icon: RuleIcon,
  recordRepresentation: (rule: NotificationRuleDto) => eventLabel(rule.event),
  options: { label: 'Notification Rule |||| Notification Rules' },
};
