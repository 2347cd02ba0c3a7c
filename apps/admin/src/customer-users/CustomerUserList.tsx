import GroupIcon from '@mui/icons-material/Group';
import {
  AutocompleteInput,
  BooleanField,
  CreateButton,
  DataTable,
  DateField,
  EmailField,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  TopToolbar,
} from 'react-admin';

import { ListEmpty } from '../common';

const customerUserFilters = [
  <SearchInput key="q" source="q" placeholder="Email or name" alwaysOn />,
  <NullableBooleanInput key="enabled" source="enabled" label="Enabled" alwaysOn />,
  <ReferenceInput
    key="organizationId"
    source="organizationId"
    reference="organizations"
    sort={{ field: 'name', order: 'ASC' }}
    alwaysOn
  >
    <AutocompleteInput label="Organization" />
  </ReferenceInput>,
];

// CreateButton shows itself only to those with customer_users.create.
const CreateCustomerUserButton = () => <CreateButton label="Create Customer User" variant="contained" />;

export const CustomerUserList = () => (
  <List
    filters={customerUserFilters}
    actions={
      <TopToolbar>
        <CreateCustomerUserButton />
      </TopToolbar>
    }
    sort={{ field: 'email', order: 'ASC' }}
    perPage={25}
    empty={
      <ListEmpty
        icon={GroupIcon}
        message="No customer users yet"
        hint="Customer users sign in on the storefront; they will be listed here."
        action={<CreateCustomerUserButton />}
      />
    }
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="email" label="Email" field={EmailField} />
      <DataTable.Col source="firstName" label="First name" />
      <DataTable.Col source="lastName" label="Last name" />
      <DataTable.Col source="organizationId" label="Organization" disableSort>
        <ReferenceField source="organizationId" reference="organizations" link="show" />
      </DataTable.Col>
      <DataTable.Col source="enabled" label="Enabled" field={BooleanField} />
      <DataTable.Col source="createdAt" label="Created">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
    </DataTable>
  </List>
);
