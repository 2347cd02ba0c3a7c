import { Chip } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** Marks a record whose `enabled` is false (nothing otherwise): where a list has no Enabled column. */
export const DisabledChip = () => {
  const record = useRecordContext<{ enabled?: boolean }>();
  if (record?.enabled !== false) return null;
  return <Chip size="small" variant="outlined" label="Disabled" />;
};
