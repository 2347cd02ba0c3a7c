import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { Chip, Tooltip } from '@mui/material';
import { useRecordContext } from 'react-admin';

import { dormancyExplanation, useDormancyPolicy } from './usage';

/** "Dormant" next to the status of an application nobody has used for a while; the tooltip says how long. */
export const DormantBadge = () => {
  const record = useRecordContext<OAuthApplicationDto>();
  const { data: policy } = useDormancyPolicy();
  if (!record?.dormant) return null;
  return (
    // describeChild: the chip keeps "Dormant" as its name; the explanation describes it.
    <Tooltip title={dormancyExplanation(policy)} describeChild>
      <Chip size="small" label="Dormant" color="warning" variant="outlined" tabIndex={0} sx={{ width: 'fit-content' }} />
    </Tooltip>
  );
};
