import type { CustomerUserDto, OAuthApplicationInput, UserDto } from '@keyhouse/shared-contracts';
import { useCanAccess, useGetIdentity, useRecordContext } from 'react-admin';

import { type Access, useAccess } from '../common';
import { ApplicationsBlock } from './ApplicationsBlock';
import { APPLICATIONS } from './resourceNames';

type Person = UserDto | CustomerUserDto;

/** Where an application acting as them would be created: one of their organizations where the signed-in user may create applications. */
const organizationOf = (person: Person, access: Access): number | undefined =>
  'organizationId' in person
    ? person.organizationId
    : (person.organizationIds.find((id) => access.can('oauth_applications.create', id)) ?? person.organizationIds[0]);

/**
 * The applications acting as the user (or, with `frontend`, the customer user) on
 * this page, with a create button that starts from that user. Everyone may see the
 * applications acting as themselves, so the block shows on one's own user page even
 * without oauth_applications.view.
 */
export const UserApplications = ({ frontend }: { frontend: boolean }) => {
  const person = useRecordContext<Person>();
  const { identity } = useGetIdentity();
  const access = useAccess();
  const { canAccess: canList } = useCanAccess({ resource: APPLICATIONS, action: 'list' });

  if (!person) return null;
  const isMe = !frontend && identity?.id === person.id;
  if (!canList && !isMe) return null;

  const prefill: Partial<OAuthApplicationInput> = {
    grants: ['client_credentials'],
    frontend,
    userId: Number(person.id),
    organizationId: organizationOf(person, access),
  };

  return (
    <ApplicationsBlock
      target="userId"
      filter={{ frontend }}
      prefill={prefill}
      empty={`No OAuth applications act as this ${frontend ? 'customer user' : 'user'}.`}
    />
  );
};
