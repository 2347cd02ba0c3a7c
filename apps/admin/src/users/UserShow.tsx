import {
  BooleanField,
  ChipField,
  DateField,
  EmailField,
  ReferenceArrayField,
  Show,
  SimpleShowLayout,
  SingleFieldList,
  TextArrayField,
  TextField,
} from 'react-admin';

import { UserApplications } from '../oauth-applications';
import { PersonInstallations } from '../oauth-installations';

export const UserShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="username" label="Username" />
      <TextField source="firstName" label="First name" />
      <TextField source="lastName" label="Last name" />
      <EmailField source="email" label="Email" />
      <BooleanField source="enabled" label="Enabled" />
      <ReferenceArrayField source="organizationIds" reference="organizations" label="Organizations">
        <SingleFieldList linkType="show">
          <ChipField source="name" size="small" />
        </SingleFieldList>
      </ReferenceArrayField>
      <TextArrayField source="roles" label="Roles" emptyText="No roles" />
      <DateField source="createdAt" label="Created" showTime />
    </SimpleShowLayout>
    <UserApplications frontend={false} />
    <PersonInstallations frontend={false} />
  </Show>
);
