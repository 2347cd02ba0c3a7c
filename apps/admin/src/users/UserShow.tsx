import type { UserDto } from '@keyhouse/shared-contracts';
import { BooleanField, DateField, EditButton, EmailField, Labeled, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext } from 'react-admin';

import { UserApplications } from '../oauth-applications';
import { PersonInstallations } from '../oauth-installations';
import { MembershipsField, UsernameField } from './UserFields';
import { useUserEditRefusal } from './useUserEditRefusal';

/** Edit, unless the API would refuse it (EditButton itself checks users.edit). */
const UserShowActions = () => {
  const refusal = useUserEditRefusal(useRecordContext<UserDto>());
  return <TopToolbar>{refusal === undefined && <EditButton />}</TopToolbar>;
};

export const UserShow = () => (
  <Show actions={<UserShowActions />}>
    <SimpleShowLayout>
      <Labeled label="Username">
        <UsernameField />
      </Labeled>
      <TextField source="firstName" label="First name" />
      <TextField source="lastName" label="Last name" />
      <EmailField source="email" label="Email" />
      <BooleanField source="enabled" label="Enabled" />
      <Labeled label="Memberships">
        <MembershipsField />
      </Labeled>
      <DateField source="createdAt" label="Created" showTime />
    </SimpleShowLayout>
    <UserApplications frontend={false} />
    <PersonInstallations frontend={false} />
  </Show>
);
