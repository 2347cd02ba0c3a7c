import type { OrganizationDto } from '@keyhouse/shared-contracts';
import { Typography } from '@mui/material';
import { Link, useCanAccess, useCreatePath, useGetManyAggregate, useRecordContext } from 'react-admin';

import { useAccess } from './useAccess';

/**
 * An organization's name: from the identity when it is one of the signed-in user's own (no
 * request, and no organizations.view needed there), else asked of the API, in one request with
 * the other names a page asks for at the same time. Who may not view organizations is not asked
 * for it (the API would refuse): they read its number.
 */
export const useOrganizationName = (organizationId: number | null | undefined): string | undefined => {
  const access = useAccess();
  const own = organizationId == null ? undefined : access.organizationName(organizationId);
  const mayAsk = access.canAnywhere('organizations.view');
  const { data } = useGetManyAggregate<OrganizationDto>(
    'organizations',
    { ids: [organizationId ?? 0] },
    { enabled: organizationId != null && own === undefined && !access.isPending && mayAsk },
  );
  if (organizationId == null || own !== undefined) return own;
  return access.isPending || mayAsk ? data?.[0]?.name : `Organization #${organizationId}`;
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

/**
 * The record's organization, in place of a ReferenceField to organizations: that one asks the API
 * even for one's own organizations, which needs organizations.view.
 */
// `label` is read by react-admin's layouts (SimpleShowLayout, DataTable), as on any field.
export const OrganizationField = ({ link = false }: { link?: boolean; label?: string }) => {
  const record = useRecordContext<{ organizationId: number | null }>();
  if (record?.organizationId == null) return null;
  return <OrganizationName id={record.organizationId} link={link} />;
};
