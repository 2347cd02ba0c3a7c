import type { OrganizationDto } from '@keyhouse/shared-contracts';
import { Typography } from '@mui/material';
import { Link, useCanAccess, useCreatePath, useGetOne } from 'react-admin';

import { useAccess } from './useAccess';

/**
 * An organization's name: from the identity when it is one of the signed-in user's own (no
 * request, and no organizations.view needed there), else asked of the API (an operator's view).
 */
export const useOrganizationName = (organizationId: number | null | undefined): string | undefined => {
  const access = useAccess();
  const own = organizationId == null ? undefined : access.organizationName(organizationId);
  const { data } = useGetOne<OrganizationDto>('organizations', { id: organizationId ?? 0 }, { enabled: organizationId != null && own === undefined && !access.isPending });
  return own ?? data?.name;
};

/** An organization's name as text, linked to its page for those who may open it. */
export const OrganizationName = ({ id, link = false }: { id: number; link?: boolean }) => {
  const name = useOrganizationName(id) ?? '…';
  const createPath = useCreatePath();
  const { canAccess } = useCanAccess({ resource: 'organizations', action: 'show' });
  if (link && canAccess) {
    return (
      <Link to={createPath({ resource: 'organizations', type: 'show', id })} variant="body2">
        {name}
      </Link>
    );
  }
  return (
    <Typography variant="body2" component="span">
      {name}
    </Typography>
  );
};
