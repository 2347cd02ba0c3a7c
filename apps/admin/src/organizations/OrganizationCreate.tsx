import type { OrganizationDto } from '@keyhouse/shared-contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Create, SimpleForm, useNotify, useRedirect } from 'react-admin';

import { CreateToolbar } from '../common';
import { forgetCurrentUser } from '../providers/authProvider';
import { OrganizationInputs } from './OrganizationInputs';

/** A new tenant; the API makes its creator a member, so it is theirs to fill with users and applications. */
export const OrganizationCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const queryClient = useQueryClient();

  return (
    <Create
      mutationOptions={{
        onSuccess: (organization: OrganizationDto) => {
          notify('Organization created', { type: 'success' });
          redirect('show', 'organizations', organization.id);
          // The identity lists the user's organizations (useOrganizationIds), and they have one more
          // now: ask the API again, so pickers and columns that appear with several do.
          forgetCurrentUser();
          void queryClient.invalidateQueries({ queryKey: ['auth', 'getIdentity'] });
        },
      }}
    >
      <SimpleForm sx={{ maxWidth: 760 }} toolbar={<CreateToolbar />}>
        <OrganizationInputs />
      </SimpleForm>
    </Create>
  );
};
