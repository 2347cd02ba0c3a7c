import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { Typography } from '@mui/material';
import { Labeled, useRecordContext } from 'react-admin';

import { CheckboxInput, useAccess } from '../common';

/**
 * Whether users are asked for consent. The platform vouches for a first-party application, so
 * only an operator marks one; anyone else sees the mark, when there is one, and cannot change it.
 */
export const FirstPartyInput = () => {
  const { platformOperator } = useAccess();
  const application = useRecordContext<OAuthApplicationDto>();

  if (platformOperator) {
    return (
      <CheckboxInput
        source="firstParty"
        label="First-party application"
        helperText="Trusted, run by the platform's own team: users of its organization are not asked for consent."
      />
    );
  }
  if (!application?.firstParty) return null;
  return (
    <Labeled label="Consent">
      <Typography variant="body2">
        Not asked: first-party application. Only a platform operator can change this.
      </Typography>
    </Labeled>
  );
};
