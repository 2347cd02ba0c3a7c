import ApartmentIcon from '@mui/icons-material/Apartment';
import { CreateButton, DataTable, DateField, List, SearchInput, TextField, TopToolbar } from 'react-admin';

import { ListEmpty, PhoneList, useIsPhone } from '../common';

const organizationFilters = [<SearchInput key="q" source="q" placeholder="Name" alwaysOn />];

// CreateButton shows itself only to platform operators (authProvider.canAccess).
const OrganizationListActions = () => (
  <TopToolbar>
    <CreateButton label="Create Organization" variant="contained" />
  </TopToolbar>
);

export const OrganizationList = () => (
  <List
    filters={organizationFilters}
    actions={<OrganizationListActions />}
    sort={{ field: 'name', order: 'ASC' }}
    perPage={25}
    empty={
      <ListEmpty
        icon={ApartmentIcon}
        message="No organizations yet"
        hint="Organizations group the back-office users and the customer users."
      />
    }
  >
    {useIsPhone() ? (
      <PhoneList primary={<TextField source="name" />} secondary={<DateField source="createdAt" />} rowClick="show" />
    ) : (
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.NumberCol source="id" label="ID" />
        <DataTable.Col source="name" label="Name" />
        <DataTable.Col source="createdAt" label="Created">
          <DateField source="createdAt" showTime />
        </DataTable.Col>
      </DataTable>
    )}
  </List>
);
