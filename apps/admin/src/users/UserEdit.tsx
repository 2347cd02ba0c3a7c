import type { UserDto } from '@keyhouse/shared-contracts';
import { Alert } from '@mui/material';
import { Edit, SimpleForm, useNotify, useRecordContext, useRedirect } from 'react-admin';

import { EditToolbar, useAccess, useRefreshIdentity } from '../common';
import { recordNotice } from '../providers/i18nProvider';
import { toUserChanges, type UserFormValues } from './userForm';
import { UserInputs } from './UserInputs';
import { useUserEditRefusal } from './useUserEditRefusal';

/** Says, before any attempt, why the API would refuse to save this user. */
const EditRefusal = () => {
  const refusal = useUserEditRefusal(useRecordContext<UserDto>());
  return refusal ? <Alert severity="warning">{refusal}</Alert> : null;
};

export const UserEdit = () => {
  const { platformOperator, userId } = useAccess();
  const notify = useNotify();
  const redirect = useRedirect();
  const refreshIdentity = useRefreshIdentity();

  return (
    // Pessimistic: the API's messages (an email in use, disabling oneself, a role beyond one's own) must reach the fields.
    <Edit
      mutationMode="pessimistic"
      transform={(values: UserFormValues) => toUserChanges(values, { platformOperator })}
      mutationOptions={{
        onSuccess: (user: UserDto) => {
          notify(recordNotice('users', 'updated'), { type: 'success' });
          redirect('show', 'users', user.id);
          // One's own memberships changed: so did what one may do.
          if (user.id === userId) refreshIdentity();
        },
      }}
    >
      <SimpleForm sx={{ maxWidth: 760 }} toolbar={<EditToolbar />} warnWhenUnsavedChanges>
        <EditRefusal />
        <UserInputs />
      </SimpleForm>
    </Edit>
  );
};
