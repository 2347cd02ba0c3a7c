import type { EmailTemplateDto } from '@keyhouse/shared-contracts';
import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

import { AUDIENCE_LABELS } from '../common';

/** Whom the template is written for, in words. */
export const AudienceField = () => {
  const record = useRecordContext<EmailTemplateDto>();
  if (!record) return null;
  return (
    <Typography variant="body2" component="span">
      {AUDIENCE_LABELS[record.audience]}
    </Typography>
  );
};
