import { isPermission, PERMISSIONS, type Permission } from '@keyhouse/shared-contracts';
import { ValidationFailedException } from '@keyhouse/api-platform';

const NAME = /^ROLE_[A-Z0-9_]{1,59}$/;

/** What a role is made of, read from a create or edit body; problems go to `errors`, each at its field. */
export function readRoleLabel(body: Record<string, unknown>, errors: Record<string, string>): string {
  const label = typeof body['label'] === 'string' ? body['label'].trim() : '';
  if (!label) errors['label'] = 'Enter a name for the role.';
  else if (label.length > 255) errors['label'] = 'Use at most 255 characters.';
  return label;
}

export function readRolePermissions(body: Record<string, unknown>, errors: Record<string, string>): Permission[] {
  const value = body['permissions'];
  if (!Array.isArray(value)) {
    errors['permissions'] = 'Give a list of permissions.';
    return [];
  }
  const unknown = value.filter((permission) => !isPermission(permission));
  if (unknown.length) errors['permissions'] = `Unknown permission: ${unknown.map(String).join(', ')}.`;
  // Stored in the grid's order, once each.
  return PERMISSIONS.filter((permission) => value.includes(permission));
}

/** The machine name: given (`ROLE_` and capitals), or made from the label. */
export function readRoleName(body: Record<string, unknown>, label: string, errors: Record<string, string>): string {
  const given = body['name'];
  if (given === undefined || given === null || given === '') return nameFromLabel(label);
  if (typeof given !== 'string' || !NAME.test(given)) {
    errors['name'] = 'Use ROLE_ followed by capital letters, digits or underscores (at most 64 characters).';
    return '';
  }
  return given;
}

export function nameFromLabel(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return `ROLE_${words || 'CUSTOM'}`.slice(0, 64);
}

export function throwIfAny(errors: Record<string, string>, message: string): void {
  if (Object.keys(errors).length) throw new ValidationFailedException(errors, message);
}
