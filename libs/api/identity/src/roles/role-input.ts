import { PERMISSIONS, type Permission } from '@keyhouse/shared-contracts';

/** A machine name made from a role's label, for a role created without one. */
export function nameFromLabel(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return `ROLE_${words || 'CUSTOM'}`.slice(0, 64);
}

/** Stored in the grid's order, once each. */
export const inGridOrder = (permissions: readonly Permission[]): Permission[] => PERMISSIONS.filter((permission) => permissions.includes(permission));
