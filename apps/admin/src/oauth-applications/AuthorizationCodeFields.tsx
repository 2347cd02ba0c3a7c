import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { Typography } from '@mui/material';
import { Labeled, useRecordContext } from 'react-admin';

/** The show page's settings of the authorization code flow, which mean nothing to other grants. */
export const AuthorizationCodeFields = () => {
  const record = useRecordContext<OAuthApplicationDto>();
  if (!record?.grants.includes('authorization_code')) return null;
  return (
    <>
      <Labeled label="Consent">
        <Typography variant="body2">
          {record.firstParty ? 'Not asked: first-party application' : 'Asked of each user'}
        </Typography>
      </Labeled>
      <Labeled label="PKCE methods">
        <Typography variant="body2">{record.allowPlainPkce ? 'S256 and plain' : 'S256 only'}</Typography>
      </Labeled>
      {!record.frontend && (
        <Labeled label="Marketplace">
          <Typography variant="body2">
            {record.listed ? 'Listed: offered to every organization' : 'Unlisted: offered to this organization only'}
          </Typography>
        </Labeled>
      )}
      <Labeled label="Install URL">
        {record.installUrl === null ? (
          <Typography variant="body2" color="text.secondary">
            None: installed from the console or the app store
          </Typography>
        ) : (
          <Typography variant="body2" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
            {record.installUrl}
          </Typography>
        )}
      </Labeled>
    </>
  );
};
