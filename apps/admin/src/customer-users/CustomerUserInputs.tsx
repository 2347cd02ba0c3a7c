import { Stack } from '@mui/material';
import { email, maxLength, required, SelectInput, TextInput } from 'react-admin';

import { NewPasswordInput, OrganizationInput, useOrganizationChoices } from '../common';
import { LOCALE_CHOICES } from './customerUserForm';

// The API's rules, checked here first so most mistakes show before a round trip.
const validateEmail = [required(), email(), maxLength(255)];
const validateName = maxLength(100);

/** The fields of a storefront customer user. */
export const CustomerUserInputs = () => {
  const { several } = useOrganizationChoices('customer_users.create');

  return (
    <>
      {several && <OrganizationInput permission="customer_users.create" helperText="The organization whose storefront they sign in to." />}
      <TextInput
        source="email"
        label="Email"
        type="email"
        validate={validateEmail}
        autoComplete="off"
        helperText="They sign in to the storefront with it; it must not belong to another customer user."
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }} sx={{ width: '100%' }}>
        <TextInput source="firstName" label="First name" validate={validateName} autoComplete="off" />
        <TextInput source="lastName" label="Last name" validate={validateName} autoComplete="off" />
      </Stack>
      <NewPasswordInput />
      <SelectInput
        source="locale"
        label="Language"
        choices={LOCALE_CHOICES}
        validate={required()}
        helperText="The language of the emails they receive; English where a template has no translation."
      />
    </>
  );
};
