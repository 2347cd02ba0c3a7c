import { Stack } from '@mui/material';
import {
  AutocompleteArrayInput,
  CheckboxGroupInput,
  email,
  maxLength,
  ReferenceArrayInput,
  regex,
  required,
  TextInput,
} from 'react-admin';

import { NewPasswordInput, useOrganizationIds } from '../common';
import { ROLE_CHOICES } from './userForm';

// The API's rules, checked here first so most mistakes show before a round trip.
const validateUsername = [
  required(),
  maxLength(180),
  regex(/^[A-Za-z0-9._@-]+$/, 'Use letters, digits, dots, dashes, underscores or @.'),
];
const validateEmail = [required(), email(), maxLength(255)];
const validateName = maxLength(100);
const validateOrganizations = required('Choose at least one organization.');

/** The fields of a back-office user. */
export const UserInputs = () => {
  const severalOrganizations = useOrganizationIds().length > 1;

  return (
    <>
      <TextInput
        source="username"
        label="Username"
        validate={validateUsername}
        autoComplete="off"
        helperText="Letters, digits and . _ @ -, stored in lower case. They sign in with it or with their email."
      />
      <TextInput source="email" label="Email" type="email" validate={validateEmail} autoComplete="off" />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }} sx={{ width: '100%' }}>
        <TextInput source="firstName" label="First name" validate={validateName} autoComplete="off" />
        <TextInput source="lastName" label="Last name" validate={validateName} autoComplete="off" />
      </Stack>
      <NewPasswordInput />
      {severalOrganizations && (
        <ReferenceArrayInput source="organizationIds" reference="organizations" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteArrayInput
            label="Organizations"
            validate={validateOrganizations}
            helperText="Whose applications, customers and emails they work with; only your own are offered."
          />
        </ReferenceArrayInput>
      )}
      <CheckboxGroupInput
        source="roles"
        label="Roles"
        choices={ROLE_CHOICES}
        helperText="An Administrator may do what you may; a User can sign in but sees nothing until given more."
      />
    </>
  );
};
