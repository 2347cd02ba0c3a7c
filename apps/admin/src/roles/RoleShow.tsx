import type { RoleDto } from '@keyhouse/shared-contracts';
import { Alert } from '@mui/material';
import { EditButton, Labeled, Show, SimpleShowLayout, TopToolbar, useRecordContext } from 'react-admin';

import { AppliesToField, RoleLabelField, RoleNameField } from './RoleFields';
import { PermissionGrid } from './PermissionGrid';
import { useRoleEditability } from './useRoleEditability';

/** Edit, only for a role the signed-in user may change. */
const RoleShowActions = () => {
  const { editable } = useRoleEditability(useRecordContext<RoleDto>());
  return <TopToolbar>{editable && <EditButton />}</TopToolbar>;
};

/** Says why there is no Edit button: built in, a platform role, or more than one holds. */
const ReadOnlyNotice = () => {
  const { reason } = useRoleEditability(useRecordContext<RoleDto>());
  return reason ? <Alert severity="info">{reason}</Alert> : null;
};

const PermissionsField = () => {
  const role = useRecordContext<RoleDto>();
  if (!role) return null;
  return <PermissionGrid label="Permissions" value={role.permissions} />;
};

export const RoleShow = () => (
  <Show actions={<RoleShowActions />}>
    <SimpleShowLayout>
      <ReadOnlyNotice />
      <Labeled label="Label">
        <RoleLabelField />
      </Labeled>
      <Labeled label="Name">
        <RoleNameField />
      </Labeled>
      <Labeled label="Applies to">
        <AppliesToField link />
      </Labeled>
      <Labeled label="Permissions">
        <PermissionsField />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
