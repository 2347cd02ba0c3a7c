import type { AuditEventDto } from '@keyhouse/shared-contracts';
import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { Button, Chip, Stack, Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import {
  Link,
  useCanAccess,
  useCreatePath,
  useExpanded,
  useGetManyAggregate,
  useRecordContext,
  useResourceContext,
} from 'react-admin';

import { useOrganizationName } from '../common';
import { hasChanges } from './auditChanges';
import { actionLabel, isFailure, targetTypeLabel } from './auditLabels';

const AUDIT_EVENTS = 'audit-events';
const APPLICATIONS = 'oauth-applications';

// Rows toggle their changes on click: a link or button inside must not toggle them too.
const keepFromRow = (event: MouseEvent) => event.stopPropagation();

/** Who did it, and the application they acted through when an access token made the change or the sign-in came through one. */
export const ActorField = () => {
  const event = useRecordContext<AuditEventDto>();
  if (!event) return null;
  const { name, application } = event.actor;
  return (
    <Stack>
      <Typography variant="body2" component="span">
        {name}
      </Typography>
      {application && (
        // The client ID on hover: what the application's own logs and tokens carry.
        <Typography variant="caption" color="text.secondary" title={application.clientId}>
          via {application.name}
        </Typography>
      )}
    </Stack>
  );
};

/** Named from the identity for one's own organizations: reading the trail needs no organizations.view. */
const OrganizationChip = ({ id }: { id: number }) => <Chip size="small" label={useOrganizationName(id) ?? '…'} />;

/**
 * The organizations a row concerns (a user's sign-in: each of theirs that the reader may see), as
 * chips; a row that concerns none is about the platform itself, which only operators read.
 */
export const OrganizationsField = () => {
  const event = useRecordContext<AuditEventDto>();
  if (!event) return null;
  if (event.organizationIds.length === 0) {
    return (
      <Typography variant="body2" component="span" color="text.secondary">
        Platform
      </Typography>
    );
  }
  // No links: a click on the row shows its changes.
  return (
    <Stack direction="row" component="span" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {event.organizationIds.map((organizationId) => (
        <OrganizationChip key={organizationId} id={organizationId} />
      ))}
    </Stack>
  );
};

export const ActionField = () => {
  const event = useRecordContext<AuditEventDto>();
  if (!event) return null;
  return (
    <Typography
      variant="body2"
      component="span"
      color={isFailure(event.action) ? 'error' : undefined}
      // The raw action on hover: what API clients filter on.
      title={event.action}
    >
      {actionLabel(event.action)}
    </Typography>
  );
};

/**
 * What was acted on: its kind, and its name as it was then. An OAuth application that still
 * exists links to its page (a deleted one, or one the reader may not see, does not).
 */
export const TargetField = () => {
  const event = useRecordContext<AuditEventDto>();
  const createPath = useCreatePath();
  const { canAccess: canShowApplications } = useCanAccess({ resource: APPLICATIONS, action: 'show' });
  const applicationId = event?.target.type === 'oauth_application' && event.target.id !== null ? Number(event.target.id) : null;
  const lookUp = applicationId !== null && canShowApplications === true;
  // Aggregated: the rows of a page ask for their applications in one request.
  const { data: found } = useGetManyAggregate(APPLICATIONS, { ids: lookUp ? [applicationId] : [] }, { enabled: lookUp });

  if (!event) return null;
  const exists = lookUp && (found ?? []).some((application) => application?.id === applicationId);
  return (
    <Stack>
      <Typography variant="caption" color="text.secondary">
        {targetTypeLabel(event.target.type)}
      </Typography>
      {exists ? (
        <Link to={createPath({ resource: APPLICATIONS, type: 'show', id: applicationId })} onClick={keepFromRow} variant="body2">
          {event.target.name}
        </Link>
      ) : (
        <Typography variant="body2" component="span">
          {event.target.name}
        </Typography>
      )}
    </Stack>
  );
};

/**
 * Shows or hides a row's before/after table. react-admin's own expand icon is hidden from
 * assistive technology and takes no focus; this button is the toggle everyone can reach.
 */
export const ChangesToggle = () => {
  const event = useRecordContext<AuditEventDto>();
  const resource = useResourceContext() ?? AUDIT_EVENTS;
  const [expanded, toggle] = useExpanded(resource, event?.id ?? '');
  if (!event || !hasChanges(event)) return null;
  return (
    <Button
      size="small"
      aria-expanded={expanded}
      // The panel row react-admin renders under an expandable row.
      aria-controls={`${resource}-${event.id}-expand`}
      endIcon={expanded ? <ExpandLess /> : <ExpandMore />}
      onClick={(click) => {
        keepFromRow(click);
        toggle();
      }}
    >
      {expanded ? 'Hide changes' : 'Show changes'}
    </Button>
  );
};
