import type { RoleDto } from '@keyhouse/shared-contracts';
import { Edit, SimpleForm, useNotify, useRecordContext, useRedirect } from 'react-admin';

import { EditToolbar, useAccess, useRefreshIdentity } from '../common';
import { recordNotice } from '../providers/i18nProvider';
import { toRoleChanges } from './roleForm';
import { RoleInputs } from './RoleInputs';
import { useRoleEditability } from './useRoleEditability';

/** Save, only for a role the signed-in user may change (the form says why not otherwise). */
const RoleEditToolbar = () => {
  const { editable } = useRoleEditability(useRecordContext<RoleDto>());
  return editable ? <EditToolbar /> : null;
};

export const RoleEdit = () => {
  const { memberships } = useAccess();
  const notify = useNotify();
  const redirect = useRedirect();
  const refreshIdentity = useRefreshIdentity();

  return (
    // Pessimistic: the API's messages (a permission one does not hold) must reach the fields.
    <Edit
      mutationMode="pessimistic"
      transform={toRoleChanges}
      mutationOptions={{
        onSuccess: (role: RoleDto) => {
          notify(recordNotice('roles', 'updated'), { type: 'success' });
          redirect('show', 'roles', role.id);
          // Holding the role oneself: what one may do just changed.
          if (memberships.some((membership) => membership.roles.includes(role.name))) refreshIdentity();
        },
      }}
    >
      <SimpleForm sx={{ maxWidth: 760 }} toolbar={<RoleEditToolbar />} warnWhenUnsavedChanges>
        <RoleInputs />
      </SimpleForm>
    </Edit>
  );
};
