import HistoryIcon from '@mui/icons-material/History';

import { AuditEventList } from './AuditEventList';

// A list only: the trail is append-only, and each row expands to its before/after.
export default {
  list: AuditEventList,
  icon: HistoryIcon,
  options: { label: 'Audit event |||| Audit Log' },
};
