import type { OAuthInstallationDto } from '@keyhouse/shared-contracts';
import { Stack, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

import { ScopeChips } from './ScopeChips';

/** Who consented; names alone do not tell a back-office user from a storefront customer. */
export const InstalledByField = () => {
  const record = useRecordContext<OAuthInstallationDto>();
  if (!record) return null;
  const { name, email } = record.subject;
  return (
    <Stack component="span">
      <Typography variant="body2" component="span">
        {name || email}
      </Typography>
      <Typography variant="caption" component="span" color="text.secondary">
        {record.customerUserId === null ? email : `${email} · customer user`}
      </Typography>
    </Stack>
  );
};

export const InstallationScopesField = () => {
  const record = useRecordContext<OAuthInstallationDto>();
  if (!record) return null;
  return <ScopeChips scopes={record.scopes} />;
};
