import { USERNAME_PATTERN, USERNAME_RULE, type UserDto } from '@keyhouse/shared-contracts';
import { Stack } from '@mui/material';
import { email, maxLength, regex, required, TextInput, useRecordContext } from 'react-admin';

import { CheckboxInput, NewPasswordInput, useAccess, useOrganizationChoices } from '../common';
import { MembershipsInput } from './MembershipsInput';

// The API's rules, checked here first so most mistakes show before a round trip.
const validateUsername = [required(), regex(USERNAME_PATTERN, USERNAME_RULE)];
const validateEmail = [required(), email(), maxLength(255)];
const validateName = maxLength(100);

/**
 * The fields of a back-office user. The username and the first password are given once
 * (`creating`); whether the account is enabled is an edit. Memberships are offered where the
 * signed-in user may create (or edit) users; the platform operator flag only to operators, and
 * never about themselves.
 */
export const UserInputs = ({ creating = false }: { creating?: boolean }) => {
  const user = useRecordContext<UserDto>();
  const access = useAccess();
  const permission = creating ? 'users.create' : 'users.edit';
  const { only, several } = useOrganizationChoices(permission);
  const itsMe = !creating && user?.id === access.userId;

  return (
    <>
      <TextInput
        source="username"
        label="Username"
        validate={creating ? validateUsername : undefined}
        readOnly={!creating}
        autoComplete="off"
        helperText={
          creating
            ? 'Letters, digits and . _ @ -, stored in lower case. They sign in with it or with their email.'
            : 'Chosen at creation; it cannot be changed.'
        }
      />
      <TextInput source="email" label="Email" type="email" validate={validateEmail} autoComplete="off" />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }} sx={{ width: '100%' }}>
        <TextInput source="firstName" label="First name" validate={validateName} autoComplete="off" />
        <TextInput source="lastName" label="Last name" validate={validateName} autoComplete="off" />
      </Stack>
      {creating ? (
        <NewPasswordInput />
      ) : (
        <CheckboxInput
          source="enabled"
          label="Enabled"
          helperText="A disabled user cannot sign in; their sessions and tokens, and the applications acting as them, stop working at once."
        />
      )}
      {access.platformOperator && !itsMe && (
        <CheckboxInput
          source="platformOperator"
          label="Platform operator"
          helperText="Manages every organization and the platform itself: organizations, platform roles and defaults, first-party applications. Needs no membership."
        />
      )}
      <MembershipsInput permission={permission} only={only} several={several} />
    </>
  );
};
