import { PERMISSION_RESOURCES, PERMISSIONS, type Permission } from '@keyhouse/shared-contracts';

/** The grid's columns, in Oro's order; only the actions some permission has are shown. */
const ACTIONS = [
  { action: 'view', label: 'View' },
  { action: 'create', label: 'Create' },
  { action: 'edit', label: 'Edit' },
  { action: 'delete', label: 'Delete' },
  { action: 'manage', label: 'Manage' },
] as const;

const actionOf = (permission: Permission) => permission.slice(permission.indexOf('.') + 1);

export const PERMISSION_ACTIONS = ACTIONS.filter(({ action }) => PERMISSIONS.some((permission) => actionOf(permission) === action));

export interface PermissionCell {
  action: string;
  actionLabel: string;
  /** Undefined where the resource has no such action. */
  permission: Permission | undefined;
}

export interface PermissionRow {
  resource: string;
  label: string;
  cells: PermissionCell[];
}

/** Every permission (`<resource>.<action>`) placed at its resource's row and its action's column. */
export const PERMISSION_ROWS: PermissionRow[] = PERMISSION_RESOURCES.map(({ resource, label }) => ({
  resource,
  label,
  cells: PERMISSION_ACTIONS.map(({ action, label: actionLabel }) => ({
    action,
    actionLabel,
    permission: PERMISSIONS.find((permission) => permission === `${resource}.${action}`),
  })),
}));

/** "Users: View": how a permission is named to people, screen readers included. */
export const permissionLabel = (permission: Permission): string => {
  const row = PERMISSION_ROWS.find(({ cells }) => cells.some((cell) => cell.permission === permission));
  const cell = row?.cells.find((candidate) => candidate.permission === permission);
  return row && cell ? `${row.label}: ${cell.actionLabel}` : permission;
};
