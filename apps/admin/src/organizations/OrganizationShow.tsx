import {
  BooleanField,
  DataTable,
  DateField,
  EmailField,
  Pagination,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';

/** An organization with the back-office users and customer users that belong to it. */
export const OrganizationShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" label="Name" />
      <DateField source="createdAt" label="Created" showTime />
      <ReferenceManyField
        reference="users"
        target="organizationId"
        label="Users"
        sort={{ field: 'username', order: 'ASC' }}
        perPage={10}
        pagination={<Pagination />}
        empty="No users in this organization"
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="username" label="Username" />
          <DataTable.Col source="email" label="Email" field={EmailField} />
          <DataTable.Col source="enabled" label="Enabled" field={BooleanField} />
        </DataTable>
      </ReferenceManyField>
      <ReferenceManyField
        reference="customer-users"
        target="organizationId"
        label="Customer users"
        sort={{ field: 'email', order: 'ASC' }}
        perPage={10}
        pagination={<Pagination />}
        empty="No customer users in this organization"
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="email" label="Email" field={EmailField} />
          <DataTable.Col source="firstName" label="First name" />
          <DataTable.Col source="lastName" label="Last name" />
          <DataTable.Col source="enabled" label="Enabled" field={BooleanField} />
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);
