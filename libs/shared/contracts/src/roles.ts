import type { Permission } from './permissions';

/** A named set of permissions: built in, the platform's (operators'), or one organization's own. */
export interface RoleDto {
  id: number;
  /** Stable machine name (`ROLE_ADMINISTRATOR`); users are given roles by it. */
  name: string;
  label: string;
  permissions: Permission[];
  /** Null: a platform role, assignable in every organization; else only in that one. */
  organizationId: number | null;
  /** Shipped with Keyhouse: nobody edits it. */
  builtIn: boolean;
}

/** A role's machine name, given or made from its label. */
export const ROLE_NAME_PATTERN = /^ROLE_[A-Z0-9_]{1,59}$/;
export const ROLE_NAME_RULE = 'Use ROLE_ followed by capital letters, digits or underscores (at most 64 characters).';

/** Body of `POST /admin/api/roles`. */
export interface RoleInput {
  label: string;
  /** Left out, null or empty: made from the label. */
  name?: string | null;
  permissions: Permission[];
  organizationId?: number | null;
}

/** What `PUT /admin/api/roles/:id` changes; the name and the organization stay. */
export type RoleChanges = Partial<Pick<RoleInput, 'label' | 'permissions'>>;

export const BUILT_IN_ROLES = ['ROLE_ADMINISTRATOR', 'ROLE_APPLICATION_MANAGER', 'ROLE_VIEWER', 'ROLE_USER'] as const;

/** Shipped with Keyhouse and kept by its migrations: nobody edits them. */
export const isBuiltInRole = (name: string): boolean => (BUILT_IN_ROLES as readonly string[]).includes(name);
