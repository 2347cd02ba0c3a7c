import type { AuditEventDto } from '@keyhouse/shared-contracts';

import { fieldLabel } from './auditLabels';

/** One line of the before/after table; `undefined` is a side that does not have the field. */
export interface ChangeRow {
  path: string;
  label: string;
  before: unknown;
  after: unknown;
}

type Snapshot = Record<string, unknown>;

const isObject = (value: unknown): value is Snapshot =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields of both sides, in the order the API wrote them (the after side first: it names
 * what an update touched). Nested objects, such as a secret's `credential`, become one line per
 * inner field, so every cell holds a plain value.
 */
export const changeRows = (before: Snapshot | null, after: Snapshot | null, path = '', label = ''): ChangeRow[] => {
  const names = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  return names.flatMap((name) => {
    const was = before?.[name];
    const is = after?.[name];
    const rowPath = path ? `${path}.${name}` : name;
    const rowLabel = label ? `${label} › ${fieldLabel(name)}` : fieldLabel(name);
    if (isObject(was) || isObject(is)) {
      return changeRows(isObject(was) ? was : null, isObject(is) ? is : null, rowPath, rowLabel);
    }
    return [{ path: rowPath, label: rowLabel, before: was, after: is }];
  });
};

/** A user's membership as the trail records it: an organization and the names of the roles held there. */
export interface RecordedMembership {
  organizationId: number;
  roles: string[];
}

/** Whether a recorded value is a user's memberships, which are shown by name rather than as JSON. */
export const isMemberships = (value: unknown): value is RecordedMembership[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((item: unknown) => {
    const membership = item as Partial<RecordedMembership> | null;
    return typeof membership?.organizationId === 'number' && Array.isArray(membership.roles) && membership.roles.every((name) => typeof name === 'string');
  });

/** Sign-ins and reminders record no fields: their rows have nothing to expand. */
export const hasChanges = (event: AuditEventDto): boolean =>
  Object.keys(event.before ?? {}).length > 0 || Object.keys(event.after ?? {}).length > 0;
