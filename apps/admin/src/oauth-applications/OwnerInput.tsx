import type { CustomerUserDto, UserDto } from '@keyhouse/shared-contracts';
import { AutocompleteInput, ReferenceInput, required, useCanAccess, useGetIdentity } from 'react-admin';
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
  const { canAccess: canList, isPending } = useCanAccess({ resource: reference, action: 'list' });

  if (isPending) return null;
  if (!canList) return <OnlyYourselfInput frontend={frontend} />;
  return (
    // Keyed by reference: switching sides must drop the other side's choices and value.
    <ReferenceInput key={reference} source="userId" reference={reference} filter={filter} sort={sort}>
      <AutocompleteInput label="Users" optionText={optionText} filterToQuery={searchQuery} validate={required()} helperText={helperText} />
    </ReferenceInput>
  );
};

/**
 * For whoever may not list the users to choose from: an application may still act as oneself (as
 * "My OAuth applications" creates it), never as a customer user.
 */
const OnlyYourselfInput = ({ frontend }: { frontend: boolean }) => {
  const { identity } = useGetIdentity();
  const choices = !frontend && identity ? [{ id: identity.id, name: `${identity.fullName ?? ''} (you)` }] : [];
  return (
    <AutocompleteInput
      source="userId"
      label="Users"
      choices={choices}
      validate={required()}
      helperText={frontend ? 'Choosing a customer user needs the permission to view them.' : 'Yourself: choosing someone else needs the permission to view users.'}
    />
  );
};
