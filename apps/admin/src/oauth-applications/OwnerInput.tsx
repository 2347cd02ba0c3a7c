import type { CustomerUserDto, UserDto } from '@keyhouse/shared-contracts';
import { AutocompleteInput, ReferenceInput, required } from 'react-admin';
import { useWatch } from 'react-hook-form';

const personText = (name: string, login: string) => `${name || login} (${login})`;
const fullName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`.trim();
const searchQuery = (q: string) => ({ q });

/** Where the owner of each kind of application comes from. */
const OWNERS = {
  backOffice: {
    reference: 'users',
    sort: { field: 'username', order: 'ASC' as const },
    optionText: (user: UserDto) => personText(fullName(user), user.username),
    helperText: 'The back-office user the application acts as.',
  },
  storefront: {
    reference: 'customer-users',
    sort: { field: 'email', order: 'ASC' as const },
    optionText: (customer: CustomerUserDto) => personText(fullName(customer), customer.email),
    helperText: 'The customer user the application acts as.',
  },
};

/**
 * Oro's "Users" field: who a client-credentials application acts as. A back-office
 * application acts as a user, a storefront one as a customer user, always of the
 * application's organization.
 */
export const OwnerInput = ({ organizationId }: { organizationId: number | undefined }) => {
  const frontend = useWatch({ name: 'frontend' }) === true;
  const { reference, sort, optionText, helperText } = frontend ? OWNERS.storefront : OWNERS.backOffice;
  const filter = organizationId === undefined ? {} : { organizationId };

  return (
    // Keyed by reference: switching sides must drop the other side's choices and value.
    <ReferenceInput key={reference} source="userId" reference={reference} filter={filter} sort={sort}>
      <AutocompleteInput label="Users" optionText={optionText} filterToQuery={searchQuery} validate={required()} helperText={helperText} />
    </ReferenceInput>
  );
};
