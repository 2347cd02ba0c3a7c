import type { CustomerUserDto, UserDto } from '@keyhouse/shared-contracts';
import { AutocompleteInput, ReferenceInput, required } from 'react-admin';
import { useWatch } from 'react-hook-form';

const userText = (user: UserDto) => `${`${user.firstName} ${user.lastName}`.trim() || user.username} (${user.username})`;
const customerUserText = (customer: CustomerUserDto) =>
  `${`${customer.firstName} ${customer.lastName}`.trim() || customer.email} (${customer.email})`;
const searchQuery = (q: string) => ({ q });

/**
 * Oro's "Users" field: who a client-credentials application acts as. A back-office
 * application acts as a user, a storefront one as a customer user, always of the
 * application's organization.
 */
export const OwnerInput = ({ organizationId }: { organizationId: number | undefined }) => {
  const frontend = useWatch({ name: 'frontend' }) === true;
  const filter = organizationId === undefined ? {} : { organizationId };

  return frontend ? (
    <ReferenceInput key="customer-users" source="userId" reference="customer-users" filter={filter} sort={{ field: 'email', order: 'ASC' }}>
      <AutocompleteInput
        label="Users"
        optionText={customerUserText}
        filterToQuery={searchQuery}
        validate={required()}
        helperText="The customer user the application acts as."
      />
    </ReferenceInput>
  ) : (
    <ReferenceInput key="users" source="userId" reference="users" filter={filter} sort={{ field: 'username', order: 'ASC' }}>
      <AutocompleteInput
        label="Users"
        optionText={userText}
        filterToQuery={searchQuery}
        validate={required()}
        helperText="The back-office user the application acts as."
      />
    </ReferenceInput>
  );
};
