import type { OrganizationDto } from '@keyhouse/shared-contracts';
import { useCanAccess, useRecordContext } from 'react-admin';

import { ApplicationsBlock } from './ApplicationsBlock';
import { APPLICATIONS } from './resourceNames';

/** The applications of the organization on this page (the list's organizationId filter), for whoever may list applications. */
export const OrganizationApplications = () => {
  const organization = useRecordContext<OrganizationDto>();
  const { canAccess } = useCanAccess({ resource: APPLICATIONS, action: 'list' });
  if (!organization || !canAccess) return null;

  return (
    <ApplicationsBlock
      target="organizationId"
      prefill={{ organizationId: Number(organization.id) }}
      showUsers
      empty="This organization has no OAuth applications yet."
    />
  );
};
