import type { Permission } from '@keyhouse/shared-contracts';
import CheckIcon from '@mui/icons-material/Check';
import { Box, Checkbox, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip } from '@mui/material';
import { useId } from 'react';

import { VISUALLY_HIDDEN } from '../common';
import { PERMISSION_ACTIONS, PERMISSION_ROWS, type PermissionCell, permissionLabel } from './permissionGrid';

interface PermissionGridProps {
  /** The permissions granted. */
  value: readonly Permission[];
  /** Absent: the grid only shows what is granted. */
  onChange?: (permissions: Permission[]) => void;
  onBlur?: () => void;
  /** Why a permission cannot be granted here, or undefined when it can. */
  unavailable?: (permission: Permission) => string | undefined;
  /** The table's accessible name. */
  label: string;
}

interface CellProps extends Omit<PermissionGridProps, 'label'> {
  cell: PermissionCell & { permission: Permission };
  gridId: string;
}

const PermissionToggle = ({ cell: { permission }, value, onChange, onBlur, unavailable, gridId }: CellProps) => {
  const checked = value.includes(permission);
  const name = permissionLabel(permission);

  if (!onChange) {
    return checked ? (
      <CheckIcon fontSize="small" color="success" titleAccess={`${name}: granted`} />
    ) : (
      <Box component="span" sx={{ color: 'text.disabled' }}>
        <span aria-hidden>–</span>
        <Box component="span" sx={VISUALLY_HIDDEN}>{`${name}: not granted`}</Box>
      </Box>
    );
  }

  const reason = unavailable?.(permission);
  const reasonId = `${gridId}-${permission}-reason`;
  const toggle = (
    <Checkbox
      size="small"
      checked={checked}
      disabled={reason !== undefined}
      onChange={(event) =>
        onChange(event.target.checked ? [...value, permission] : value.filter((granted) => granted !== permission))
      }
      onBlur={onBlur}
      slotProps={{ input: { 'aria-label': name, ...(reason ? { 'aria-describedby': reasonId } : {}) } }}
    />
  );
  if (reason === undefined) return toggle;
  return (
    <Tooltip title={reason}>
      {/* A disabled input receives no pointer events: the tooltip listens on its wrapper. */}
      <span>
        {toggle}
        <Box component="span" id={reasonId} sx={VISUALLY_HIDDEN}>
          {reason}
        </Box>
      </span>
    </Tooltip>
  );
};

/**
 * Oro's permission grid: a row per resource, a column per action, a checkbox where the
 * resource has that action. Checkboxes are native inputs, so Tab and Space work, each named
 * "Resource: Action" for screen readers; one that cannot be granted is disabled and says why.
 */
export const PermissionGrid = ({ label, ...props }: PermissionGridProps) => {
  const gridId = useId();
  return (
    <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1, width: 'fit-content', maxWidth: '100%' }}>
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Resource
            </TableCell>
            {PERMISSION_ACTIONS.map(({ action, label: actionLabel }) => (
              <TableCell key={action} component="th" scope="col" align="center" sx={{ minWidth: 72 }}>
                {actionLabel}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {PERMISSION_ROWS.map((row) => (
            <TableRow key={row.resource} hover>
              <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                {row.label}
              </TableCell>
              {row.cells.map((cell) => (
                <TableCell key={cell.action} align="center" sx={{ py: 0 }}>
                  {cell.permission && <PermissionToggle {...props} cell={{ ...cell, permission: cell.permission }} gridId={gridId} />}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};
