import type { AuditEventDto } from '@keyhouse/shared-contracts';
import { Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

import { useOrganizationName } from '../common';
import { roleLabel, useRoles } from '../roles';
import { changeRows, isMemberships, type RecordedMembership } from './auditChanges';
import { actionLabel } from './auditLabels';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const Missing = () => (
  <Typography variant="body2" component="span" color="text.secondary">
    —
  </Typography>
);

/** "Northwind: Administrator, Viewer", as the user pages name a membership: roles by their labels. */
const MembershipChip = ({ membership }: { membership: RecordedMembership }) => {
  const { roles } = useRoles();
  const organization = useOrganizationName(membership.organizationId) ?? '…';
  const held = membership.roles.map((name) => roleLabel(name, roles)).join(', ') || 'No roles';
  return <Chip size="small" label={`${organization}: ${held}`} />;
};

/** One side of a change, in the words of the show pages: Yes/No, lists as chips, memberships by name, times in local time. */
const ChangeValue = ({ value }: { value: unknown }) => {
  if (value === undefined || value === null || value === '') return <Missing />;
  if (isMemberships(value)) {
    return (
      <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
        {value.map((membership) => (
          <MembershipChip key={membership.organizationId} membership={membership} />
        ))}
      </Stack>
    );
  }
  if (typeof value === 'boolean') return <Typography variant="body2">{value ? 'Yes' : 'No'}</Typography>;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return (
        <Typography variant="body2" color="text.secondary">
          None
        </Typography>
      );
    }
    return (
      <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
        {value.map((item, index) => (
          <Chip
            key={index}
            size="small"
            label={typeof item === 'string' ? item : JSON.stringify(item)}
            sx={{ fontFamily: 'monospace' }}
          />
        ))}
      </Stack>
    );
  }
  if (typeof value === 'string' && ISO_TIME.test(value)) {
    return (
      <Typography variant="body2" title={value}>
        {new Date(value).toLocaleString()}
      </Typography>
    );
  }
  return (
    // Template bodies are long HTML: keep their line breaks and let them wrap anywhere.
    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 240, overflow: 'auto' }}>
      {typeof value === 'string' ? value : JSON.stringify(value)}
    </Typography>
  );
};

/** The expanded row of the audit log: what the change touched, each field before and after. */
export const AuditChangesPanel = () => {
  const event = useRecordContext<AuditEventDto>();
  if (!event) return null;
  const rows = changeRows(event.before, event.after);
  return (
    <Box sx={{ py: 2, pl: 2, maxWidth: 1100 }}>
      <Table size="small" aria-label={`Changes: ${actionLabel(event.action)}, ${event.target.name}`}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '28%' }}>Field</TableCell>
            <TableCell sx={{ width: '36%' }}>Before</TableCell>
            <TableCell sx={{ width: '36%' }}>After</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ path, label, before, after }) => (
            <TableRow key={path}>
              <TableCell component="th" scope="row">
                {label}
              </TableCell>
              <TableCell>
                <ChangeValue value={before} />
              </TableCell>
              <TableCell>
                <ChangeValue value={after} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
