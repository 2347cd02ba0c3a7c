import PersonIcon from '@mui/icons-material/Person';
import {
  BooleanField,
  CreateButton,
  DataTable,
  DateField,
  List,
  NullableBooleanInput,
  SearchInput,
  TextField,
  TopToolbar,
} from 'react-admin';

import { DisabledChip, ListEmpty, OrganizationFilter, PhoneList, useIsPhone } from '../common';
import { PlatformOperatorChip } from './UserFields';

const userFilters = [
  <SearchInput key="q" source="q" placeholder="Username, email or name" alwaysOn />,
  <NullableBooleanInput key="enabled" source="enabled" label="Enabled" alwaysOn />,
  <NullableBooleanInput key="platformOperator" source="platformOperator" label="Platform operator" />,
  <OrganizationFilter key="organizationId" source="organizationId" permission="users.view" alwaysOn />,
];

// CreateButton shows itself only to those with users.create.
const UserListActions = () => (
  <TopToolbar>
    <CreateButton label="Create User" variant="contained" />
  </TopToolbar>
);

const PhoneDetails = () => (
  <>
    <TextField source="email" />
    <PlatformOperatorChip />
    <DisabledChip />
  </>
);

export const UserList = () => (
  <List
    filters={userFilters}
    actions={<UserListActions />}
    sort={{ field: 'username', order: 'ASC' }}
    perPage={25}
    empty={<ListEmpty icon={PersonIcon} message="No users yet" hint="Back-office users will be listed here." />}
  >
    {useIsPhone() ? (
      <PhoneList primary={<TextField source="username" />} secondary={<PhoneDetails />} rowClick="show" />
    ) : (
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="username" label="Username" />
        <DataTable.Col source="firstName" label="First name" />
        <DataTable.Col source="lastName" label="Last name" />
        {/* Text, not a mailto link: a click on the row opens the record. */}
        <DataTable.Col source="email" label="Email" />
        <DataTable.Col source="enabled" label="Enabled" field={BooleanField} />
        <DataTable.Col source="platformOperator" label="Operator" disableSort>
          <PlatformOperatorChip />
        </DataTable.Col>
        <DataTable.Col source="createdAt" label="Created">
          <DateField source="createdAt" showTime />
        </DataTable.Col>
      </DataTable>
    )}
  </List>
);
