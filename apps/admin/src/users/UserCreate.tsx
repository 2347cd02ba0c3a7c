import type { UserDto } from '@keyhouse/shared-contracts';
import { Create, SimpleForm, useNotify, useRedirect } from 'react-admin';

import { CreateToolbar, useOrganizationIds } from '../common';
import { toUserInput, USER_DEFAULTS, type UserFormValues } from './userForm';
import { UserInputs } from './UserInputs';

/** A back-office user, given a password now: the API sends no invitation. */
export const UserCreate = () => {
  const organizationIds = useOrganizationIds();
  const notify = useNotify();
  const redirect = useRedirect();
  const onlyOrganizationId = organizationIds.length === 1 ? organizationIds[0] : undefined;

  return (
    <Create
      transform={(values: UserFormValues) => toUserInput(values, onlyOrganizationId)}
      mutationOptions={{
        onSuccess: (user: UserDto) => {
          notify('User created', { type: 'success' });
          redirect('show', 'users', user.id);
        },
      }}
    >
      <SimpleForm sx={{ maxWidth: 760 }} defaultValues={USER_DEFAULTS} toolbar={<CreateToolbar />}>
        <UserInputs />
      </SimpleForm>
    </Create>
  );
};
