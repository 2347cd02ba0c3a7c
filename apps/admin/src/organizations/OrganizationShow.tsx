import { BooleanField, DataTable, DateField, Pagination, ReferenceManyField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { OrganizationApplications } from '../oauth-applications';

/** An organization with the back-office users, customer users and OAuth applications that belong to it. */
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
          {/* Text, not a mailto link: a click on the row opens the record. */}
          <DataTable.Col source="email" label="Email" />
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
          {/* Text, not a mailto link: a click on the row opens the record. */}
          <DataTable.Col source="email" label="Email" />
          <DataTable.Col source="firstName" label="First name" />
          <DataTable.Col source="lastName" label="Last name" />
          <DataTable.Col source="enabled" label="Enabled" field={BooleanField} />
        </DataTable>
      </ReferenceManyField>
    </SimpleShowLayout>
    <OrganizationApplications />
  </Show>
);
