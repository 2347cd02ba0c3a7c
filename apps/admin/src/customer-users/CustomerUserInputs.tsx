import { Stack } from '@mui/material';
import { AutocompleteInput, email, maxLength, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';

import { NewPasswordInput, useOrganizationIds } from '../common';
import { LOCALE_CHOICES } from './customerUserForm';

// The API's rules, checked here first so most mistakes show before a round trip.
const validateEmail = [required(), email(), maxLength(255)];
const validateName = maxLength(100);

/** The fields of a storefront customer user. */
export const CustomerUserInputs = () => {
  const severalOrganizations = useOrganizationIds().length > 1;

  return (
    <>
      {severalOrganizations && (
        <ReferenceInput source="organizationId" reference="organizations" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput
            label="Organization"
            validate={required()}
            helperText="The organization whose storefront they sign in to."
          />
        </ReferenceInput>
      )}
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
