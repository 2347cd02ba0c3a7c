import type { RoleDto } from '@keyhouse/shared-contracts';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { CreateButton, DataTable, FunctionField, List, SearchInput, TopToolbar } from 'react-admin';

import { ListEmpty, PhoneList, useIsPhone } from '../common';
import { AppliesToField, RoleLabelField, RoleNameField } from './RoleFields';

const roleFilters = [<SearchInput key="q" source="q" placeholder="Label or name" alwaysOn />];

// CreateButton shows itself only to those with roles.create somewhere.
const RoleListActions = () => (
  <TopToolbar>
    <CreateButton label="Create Role" variant="contained" />
  </TopToolbar>
);

const PhoneDetails = () => (
  <>
    <RoleNameField />
    <AppliesToField />
    <FunctionField<RoleDto> render={(role) => `${role.permissions.length} permissions`} />
  </>
);

/** Oro's System > User Management > Roles: the platform's roles and those of the caller's organizations. */
export const RoleList = () => (
  <List
    filters={roleFilters}
    actions={<RoleListActions />}
    sort={{ field: 'label', order: 'ASC' }}
    perPage={25}
    empty={<ListEmpty icon={VerifiedUserIcon} message="No roles yet" hint="Roles are named sets of permissions given to users." />}
  >
    {useIsPhone() ? (
      <PhoneList primary={<RoleLabelField />} secondary={<PhoneDetails />} rowClick="show" />
    ) : (
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="label" label="Label">
          <RoleLabelField />
        </DataTable.Col>
        <DataTable.Col source="name" label="Name">
          <RoleNameField />
        </DataTable.Col>
        <DataTable.Col source="organizationId" label="Applies to" disableSort>
          <AppliesToField />
        </DataTable.Col>
        <DataTable.Col source="permissions" label="Permissions" disableSort align="right">
          <FunctionField<RoleDto> render={(role) => role.permissions.length} />
        </DataTable.Col>
      </DataTable>
    )}
  </List>
);
