import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import { Chip, Tooltip } from '@mui/material';
import { useRecordContext } from 'react-admin';

import { useIsThrottled } from './useApplicationThrottle';

/** "Throttled" next to the status of an application some client addresses are refused for, after too many wrong secrets. */
export const ThrottledBadge = () => {
  const record = useRecordContext<OAuthApplicationDto>();
  const throttled = useIsThrottled(record);
  if (!record?.lockedUntil || !throttled) return null;
  return (
    // describeChild: the chip keeps "Throttled" as its name; who and until when is its description.
    <Tooltip
      title={`Client addresses that sent too many wrong secrets are refused until ${new Date(record.lockedUntil).toLocaleString()}; clients elsewhere are not affected`}
      describeChild
    >
      <Chip
        size="small"
        label="Throttled"
        color="warning"
        icon={<HourglassTopIcon />}
        tabIndex={0}
        sx={{ width: 'fit-content' }}
      />
    </Tooltip>
  );
};
