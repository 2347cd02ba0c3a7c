import type { CustomerUserDto } from '@keyhouse/shared-contracts';
import { Create, SimpleForm, useNotify, useRedirect } from 'react-admin';

import { CreateToolbar, useOrganizationChoices } from '../common';
import { recordNotice } from '../providers/i18nProvider';
import { CUSTOMER_USER_DEFAULTS, type CustomerUserFormValues, toCustomerUserInput } from './customerUserForm';
import { CustomerUserInputs } from './CustomerUserInputs';

/** A storefront account, given a password now: the API sends no invitation. */
export const CustomerUserCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const { only } = useOrganizationChoices('customer_users.create');

  return (
    <Create
      transform={(values: CustomerUserFormValues) => toCustomerUserInput(values, only)}
      mutationOptions={{
        onSuccess: (customer: CustomerUserDto) => {
          notify(recordNotice('customer-users', 'created'), { type: 'success' });
          redirect('show', 'customer-users', customer.id);
        },
      }}
    >
      <SimpleForm sx={{ maxWidth: 760 }} defaultValues={CUSTOMER_USER_DEFAULTS} toolbar={<CreateToolbar />} warnWhenUnsavedChanges>
        <CustomerUserInputs />
      </SimpleForm>
    </Create>
  );
};
