import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

import { eventLabel } from './notificationLabels';

/** The `event` of an email, template or rule, in words. */
export const EventField = () => {
  const record = useRecordContext<{ event: string }>();
  if (!record) return null;
  return (
    <Typography variant="body2" component="span">
      {eventLabel(record.event)}
    </Typography>
  );
};
