import type { EmailTemplateDto } from '@keyhouse/shared-contracts';
import DraftsIcon from '@mui/icons-material/Drafts';

import { AUDIENCE_LABELS, eventLabel } from '../common';
import { EmailTemplateCreate } from './EmailTemplateCreate';
import { EmailTemplateEdit } from './EmailTemplateEdit';
import { EmailTemplateList } from './EmailTemplateList';

export default {
  list: EmailTemplateList,
  create: EmailTemplateCreate,
  edit: EmailTemplateEdit,
  icon: DraftsIcon,
  recordRepresentation: (template: EmailTemplateDto) => `${eventLabel(template.event)} (${AUDIENCE_LABELS[template.audience]})`,
  options: { label: 'Email Template |||| Email Templates' },
};
