import type { EmailTemplateDto } from '@keyhouse/shared-contracts';
import DraftsIcon from '@mui/icons-material/Drafts';

import { AUDIENCE_LABELS, eventLabel, lazyView } from '../common';

export default {
  list: lazyView(() => import('./EmailTemplateList'), 'EmailTemplateList'),
  create: lazyView(() => import('./EmailTemplateCreate'), 'EmailTemplateCreate'),
  edit: lazyView(() => import('./EmailTemplateEdit'), 'EmailTemplateEdit'),
  icon: DraftsIcon,
  recordRepresentation: (template: EmailTemplateDto) => `${eventLabel(template.event)} (${AUDIENCE_LABELS[template.audience]})`,
  options: { label: 'Email Template |||| Email Templates' },
};
