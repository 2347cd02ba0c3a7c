import type { CustomerUserDto } from '@keyhouse/shared-contracts';
import { Edit, email, maxLength, required, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar } from 'react-admin';

import { CheckboxInput } from '../common';
import { LOCALE_CHOICES } from './customerUserForm';

/** The fields the API lets an administrator change; the organization stays. */
const toCustomerUserChanges = ({ email: address, firstName, lastName, locale, enabled }: CustomerUserDto) => ({
  email: address,
  firstName,
  lastName,
  locale,
  enabled,
});

const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const CustomerUserEdit = () => (
  // Pessimistic: the API's messages (an email in use) must reach the fields.
  <Edit mutationMode="pessimistic" transform={toCustomerUserChanges} redirect="show">
    <SimpleForm sx={{ maxWidth: 760 }} toolbar={<EditToolbar />}>
      <TextInput source="email" label="Email" type="email" validate={[required(), email(), maxLength(255)]} helperText="Their storefront sign-in name." />
      <TextInput source="firstName" label="First name" validate={maxLength(100)} />
      <TextInput source="lastName" label="Last name" validate={maxLength(100)} />
      <SelectInput
        source="locale"
        label="Language"
        choices={LOCALE_CHOICES}
        validate={required()}
        helperText="The language of the emails they receive; English where a template has no translation."
      />
      <CheckboxInput
        source="enabled"
        label="Enabled"
        helperText="A disabled customer user cannot sign in on the storefront; their sessions and tokens stop working at once."
      />
    </SimpleForm>
  </Edit>
);
