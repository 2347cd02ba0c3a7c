import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import LockIcon from '@mui/icons-material/Lock';
import { Chip, Tooltip } from '@mui/material';
import { useRecordContext } from 'react-admin';

import { useIsLocked } from './useApplicationLock';

/** "Locked" next to the status of an application refused after too many failed authentications. */
export const LockedBadge = () => {
  const record = useRecordContext<OAuthApplicationDto>();
  const locked = useIsLocked(record);
  if (!record?.lockedUntil || !locked) return null;
  return (
    // describeChild: the chip keeps "Locked" as its name; until when is its description.
    <Tooltip
      title={`Locked until ${new Date(record.lockedUntil).toLocaleString()} after too many failed authentications`}
      describeChild
    >
      <Chip
        size="small"
        label="Locked"
        color="error"
        icon={<LockIcon />}
        tabIndex={0}
        sx={{ width: 'fit-content' }}
      />
    </Tooltip>
  );
};
