import GroupIcon from '@mui/icons-material/Group';
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

import { DisabledChip, ListEmpty, OrganizationField, OrganizationFilter, PhoneList, useIsPhone } from '../common';

const customerUserFilters = [
  <SearchInput key="q" source="q" placeholder="Email or name" alwaysOn />,
  <NullableBooleanInput key="enabled" source="enabled" label="Enabled" alwaysOn />,
  <OrganizationFilter key="organizationId" source="organizationId" permission="customer_users.view" alwaysOn />,
];

// CreateButton shows itself only to those with customer_users.create.
const CreateCustomerUserButton = () => <CreateButton label="Create Customer User" variant="contained" />;

// The organization as text: the row is a link already.
const PhoneDetails = () => (
  <>
    <OrganizationField />
    <DisabledChip />
  </>
);

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
    {useIsPhone() ? (
      <PhoneList primary={<TextField source="email" />} secondary={<PhoneDetails />} rowClick="show" />
    ) : (
      <DataTable rowClick="show" bulkActionButtons={false}>
        {/* Text, not a mailto link: a click on the row opens the record. */}
        <DataTable.Col source="email" label="Email" />
        <DataTable.Col source="firstName" label="First name" />
        <DataTable.Col source="lastName" label="Last name" />
        <DataTable.Col source="organizationId" label="Organization" disableSort>
          <OrganizationField link />
        </DataTable.Col>
        <DataTable.Col source="enabled" label="Enabled" field={BooleanField} />
        <DataTable.Col source="createdAt" label="Created">
          <DateField source="createdAt" showTime />
        </DataTable.Col>
      </DataTable>
    )}
  </List>
);
