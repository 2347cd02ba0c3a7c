import type { CustomerUserDto } from '@keyhouse/shared-contracts';
import { Create, SaveButton, SimpleForm, Toolbar, useNotify, useRedirect } from 'react-admin';

import { CUSTOMER_USER_DEFAULTS, type CustomerUserFormValues, toCustomerUserInput } from './customerUserForm';
import { CustomerUserInputs } from './CustomerUserInputs';

const CreateToolbar = () => (
  <Toolbar>
    <SaveButton label="Create" />
  </Toolbar>
);

/** A storefront account, given a password now: the API sends no invitation. */
export const CustomerUserCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();

  return (
    <Create
      transform={(values: CustomerUserFormValues) => toCustomerUserInput(values)}
      mutationOptions={{
        onSuccess: (customer: CustomerUserDto) => {
          notify('Customer user created', { type: 'success' });
          redirect('show', 'customer-users', customer.id);
        },
      }}
    >
      <SimpleForm sx={{ maxWidth: 760 }} defaultValues={CUSTOMER_USER_DEFAULTS} toolbar={<CreateToolbar />}>
        <CustomerUserInputs />
      </SimpleForm>
    </Create>
  );
};
