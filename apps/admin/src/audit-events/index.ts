import HistoryIcon from '@mui/icons-material/History';

import { lazyView } from '../common';

// A list only: the trail is append-only, and each row expands to its before/after.
export default {
  list: lazyView(() => import('./AuditEventList'), 'AuditEventList'),
  icon: HistoryIcon,
  options: { label: 'Audit event |||| Audit Log' },
};
