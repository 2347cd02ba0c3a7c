import type { NotificationRuleDto } from '@keyhouse/shared-contracts';
import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

type RuleSwitch = 'enabled' | 'notifyOwner' | 'notifyOrganizationAdmins';

/** A rule's switch as a word: in a grid of several boolean columns, "Yes"/"No" reads faster than icons. */
export const YesNoField = ({ source }: { source: RuleSwitch }) => {
  const record = useRecordContext<NotificationRuleDto>();
  if (!record) return null;
  return (
    <Typography variant="body2" component="span" color={record[source] ? 'text.primary' : 'text.secondary'}>
      {record[source] ? 'Yes' : 'No'}
    </Typography>
  );
};
