import { BooleanField, DateField, EmailField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { OrganizationField } from '../common';

import { UserApplications } from '../oauth-applications';
import { PersonInstallations } from '../oauth-installations';

export const CustomerUserShow = () => (
  <Show>
    <SimpleShowLayout>
      <EmailField source="email" label="Email" />
      <TextField source="firstName" label="First name" />
      <TextField source="lastName" label="Last name" />
      <OrganizationField label="Organization" link />
      <BooleanField source="enabled" label="Enabled" />
      <DateField source="createdAt" label="Created" showTime />
    </SimpleShowLayout>
    <UserApplications frontend />
    <PersonInstallations frontend />
  </Show>
);
