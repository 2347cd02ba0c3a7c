import type { RoleDto } from '@keyhouse/shared-contracts';
import { Create, SimpleForm, useNotify, useRedirect } from 'react-admin';

import { CreateToolbar, useOrganizationChoices } from '../common';
import { recordNotice } from '../providers/i18nProvider';
import { ROLE_DEFAULTS, type RoleFormValues, toRoleInput } from './roleForm';
import { RoleInputs } from './RoleInputs';

export const RoleCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const { only } = useOrganizationChoices('roles.create');

  return (
    <Create
      transform={(values: RoleFormValues) => toRoleInput(values, only)}
      mutationOptions={{
        onSuccess: (role: RoleDto) => {
          notify(recordNotice('roles', 'created'), { type: 'success' });
          redirect('show', 'roles', role.id);
        },
      }}
    >
      <SimpleForm sx={{ maxWidth: 760 }} defaultValues={ROLE_DEFAULTS} toolbar={<CreateToolbar />} warnWhenUnsavedChanges>
        <RoleInputs creating />
      </SimpleForm>
    </Create>
  );
};
