import type { NotificationSettingScope } from '@keyhouse/shared-contracts';
import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** Whose setting a row is: the platform default, or the organization that customized it. */
export const AppliesToField = () => {
  const record = useRecordContext<NotificationSettingScope>();
  if (!record) return null;
  return record.organizationId === null ? (
    <Chip size="small" variant="outlined" label="Platform default" />
  ) : (
    <Chip size="small" color="primary" variant="outlined" label={record.organizationName} />
  );
};
