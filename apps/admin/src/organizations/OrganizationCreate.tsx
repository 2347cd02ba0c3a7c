import type { OrganizationDto } from '@keyhouse/shared-contracts';
import { Create, SimpleForm, useNotify, useRedirect } from 'react-admin';

import { CreateToolbar } from '../common';
import { recordNotice } from '../providers/i18nProvider';
import { OrganizationInputs } from './OrganizationInputs';

/**
 * A new tenant, created by a platform operator (canAccess hides the page from everyone else). The
 * operator does not join it: they reach every organization anyway, and its administrators are
 * added as users. Organization pickers list it at once: react-admin refetches the organizations.
 */
export const OrganizationCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();

  return (
    <Create
      mutationOptions={{
        onSuccess: (organization: OrganizationDto) => {
          notify(recordNotice('organizations', 'created'), { type: 'success' });
          redirect('show', 'organizations', organization.id);
        },
      }}
    >
      <SimpleForm sx={{ maxWidth: 760 }} toolbar={<CreateToolbar />} warnWhenUnsavedChanges>
        <OrganizationInputs />
      </SimpleForm>
    </Create>
  );
};
