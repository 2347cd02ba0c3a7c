import type { UserDto } from '@keyhouse/shared-contracts';
import { Create, Loading, SimpleForm, useNotify, useRedirect } from 'react-admin';

import { CreateToolbar, useAccess, useOrganizationChoices } from '../common';
import { recordNotice } from '../providers/i18nProvider';
import { toUserInput, userDefaults, type UserFormValues } from './userForm';
import { UserInputs } from './UserInputs';

/** A back-office user, given a password now: the API sends no invitation. */
export const UserCreate = () => {
  const { platformOperator } = useAccess();
  const { isPending, only } = useOrganizationChoices('users.create');
  const notify = useNotify();
  const redirect = useRedirect();

  // The first membership starts in the only organization there is, once that is known.
  if (isPending) return <Loading />;
  return (
    <Create
      transform={(values: UserFormValues) => toUserInput(values, { platformOperator })}
      mutationOptions={{
        onSuccess: (user: UserDto) => {
          notify(recordNotice('users', 'created'), { type: 'success' });
          redirect('show', 'users', user.id);
        },
      }}
    >
      <SimpleForm sx={{ maxWidth: 760 }} defaultValues={userDefaults(only)} toolbar={<CreateToolbar />} warnWhenUnsavedChanges>
        <UserInputs creating />
      </SimpleForm>
    </Create>
  );
};
