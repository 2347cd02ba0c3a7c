import type { NotificationSettingScope } from '@keyhouse/shared-contracts';
import { Alert } from '@mui/material';
import type { ReactNode } from 'react';
import { useRecordContext } from 'react-admin';

import { useSettingScopes } from './useSettingScopes';

/** At the top of a setting's page: whose it is, where it applies, and who may change it; `actions` beside. */
export const SettingScopeNotice = ({ actions }: { actions: ReactNode }) => {
  const record = useRecordContext<NotificationSettingScope>();
  const scopes = useSettingScopes();
  if (!record) return null;

  const { organizationId, organizationName } = record;
  const text =
    organizationId !== null
      ? `Customized for ${organizationName}: mail about ${organizationName}'s applications uses this instead of the platform default.`
      : scopes.platformOperator
        ? 'Platform default: it applies in every organization that has not customized it.'
        : 'Platform default: only platform operators change it. Customize it to change it for your organization.';
  return (
    <Alert severity={organizationId === null ? 'info' : 'success'} action={actions} sx={{ width: '100%', alignItems: 'center' }}>
      {text}
    </Alert>
  );
};
