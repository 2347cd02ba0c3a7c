import type { UserDto } from '@keyhouse/shared-contracts';
import { Edit, email, maxLength, required, SimpleForm, TextInput } from 'react-admin';

import { CheckboxInput, EditToolbar } from '../common';

/** The fields the API lets an administrator change; username, organizations and roles stay. */
const toUserChanges = ({ email: address, firstName, lastName, enabled }: UserDto) => ({ email: address, firstName, lastName, enabled });

export const UserEdit = () => (
  // Pessimistic: the API's messages (an email in use, disabling oneself) must reach the fields.
  <Edit mutationMode="pessimistic" transform={toUserChanges} redirect="show">
    <SimpleForm sx={{ maxWidth: 760 }} toolbar={<EditToolbar />}>
      <TextInput source="username" label="Username" readOnly helperText="Chosen at creation; it cannot be changed." />
      <TextInput source="firstName" label="First name" validate={maxLength(100)} />
      <TextInput source="lastName" label="Last name" validate={maxLength(100)} />
      <TextInput source="email" label="Email" type="email" validate={[required(), email(), maxLength(255)]} />
      <CheckboxInput
        source="enabled"
        label="Enabled"
        helperText="A disabled user cannot sign in; their sessions and tokens, and the applications acting as them, stop working at once."
      />
    </SimpleForm>
  </Edit>
);
