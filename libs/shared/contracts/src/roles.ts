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

/** Body of `POST /admin/api/roles`; `PUT` takes `label` and `permissions`. */
export interface RoleInput {
  label: string;
  name?: string;
  permissions: Permission[];
  organizationId?: number | null;
}

export const BUILT_IN_ROLES = ['ROLE_ADMINISTRATOR', 'ROLE_APPLICATION_MANAGER', 'ROLE_VIEWER', 'ROLE_USER'] as const;

/** Shipped with Keyhouse and kept by its migrations: nobody edits them. */
export const isBuiltInRole = (name: string): boolean => (BUILT_IN_ROLES as readonly string[]).includes(name);
