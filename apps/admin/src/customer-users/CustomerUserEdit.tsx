import type { CustomerUserDto } from '@keyhouse/shared-contracts';
import { Edit, email, maxLength, required, SelectInput, SimpleForm, TextInput, useRecordContext } from 'react-admin';

import { CheckboxInput, EditToolbar } from '../common';
import { localeChoicesWith } from './customerUserForm';

/** The fields the API lets an administrator change; the organization stays. */
const toCustomerUserChanges = ({ email: address, firstName, lastName, locale, enabled }: CustomerUserDto) => ({
  email: address,
  firstName,
  lastName,
  locale,
  enabled,
});

const LanguageInput = () => {
  const record = useRecordContext<CustomerUserDto>();
  return (
    <SelectInput
      source="locale"
      label="Language"
      choices={localeChoicesWith(record?.locale)}
      validate={required()}
      helperText="The language of the emails they receive; English where a template has no translation."
    />
  );
};

export const CustomerUserEdit = () => (
  // Pessimistic: the API's messages (an email in use) must reach the fields.
  <Edit mutationMode="pessimistic" transform={toCustomerUserChanges} redirect="show">
    <SimpleForm sx={{ maxWidth: 760 }} toolbar={<EditToolbar />} warnWhenUnsavedChanges>
      <TextInput source="email" label="Email" type="email" validate={[required(), email(), maxLength(255)]} helperText="Their storefront sign-in name." />
      <TextInput source="firstName" label="First name" validate={maxLength(100)} />
      <TextInput source="lastName" label="Last name" validate={maxLength(100)} />
      <LanguageInput />
      <CheckboxInput
        source="enabled"
        label="Enabled"
        helperText="A disabled customer user cannot sign in on the storefront; their sessions and tokens stop working at once."
      />
    </SimpleForm>
  </Edit>
);
