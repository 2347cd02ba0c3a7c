import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { Typography } from '@mui/material';
import { Labeled, useRecordContext } from 'react-admin';

/** Where a private_key_jwt application's public keys are: the set registered here (its key ids), or the URL it publishes them at. */
export const ClientKeysField = () => {
  const record = useRecordContext<OAuthApplicationDto>();
  if (record?.tokenEndpointAuthMethod !== 'private_key_jwt') return null;
  if (record.jwksUri !== null) {
    return (
      <Labeled label="JWK Set URL">
        <Typography variant="body2" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
          {record.jwksUri}
        </Typography>
      </Labeled>
    );
  }
  const keys = record.jwks?.keys ?? [];
  return (
    <Labeled label="Public keys">
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {keys.map((key, index) => `${key.kty}${key.kid ? ` ${key.kid}` : ` key ${index + 1}`}`).join(', ')}
      </Typography>
    </Labeled>
  );
};
