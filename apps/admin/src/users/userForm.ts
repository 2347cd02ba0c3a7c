import type { MembershipDto, UserDto } from '@keyhouse/shared-contracts';

/** The roles a new membership starts with: the least there is; granting more is a deliberate choice. */
export const DEFAULT_ROLES = ['ROLE_USER'];

/** One line of the memberships editor: the organization is null until chosen. */
export interface MembershipFormValue {
  organizationId: number | null;
  roles: string[] | null;
}

/** Body of `POST /admin/api/users`. */
export interface NewUserInput {
  username: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  memberships: MembershipDto[];
  /** Sent by operators only: nobody else may make one. */
  platformOperator?: boolean;
}

/** Body of `PUT /admin/api/users/:id`. */
export type UserChanges = Pick<UserDto, 'email' | 'firstName' | 'lastName' | 'enabled' | 'memberships'> & { platformOperator?: boolean };

/** What the form holds: react-admin turns emptied text inputs into null. */
export type UserFormValues = {
  [Field in 'username' | 'email' | 'password' | 'firstName' | 'lastName']?: string | null;
} & {
  enabled?: boolean;
  platformOperator?: boolean;
  memberships?: MembershipFormValue[];
};

/** A new user's first values: one membership with the least role, in the only organization there is or one to choose. */
export const userDefaults = (onlyOrganizationId: number | undefined): UserFormValues => ({
  platformOperator: false,
  memberships: [{ organizationId: onlyOrganizationId ?? null, roles: DEFAULT_ROLES }],
});

/** The memberships as the API takes them; a line whose organization was never chosen is no membership. */
const toMemberships = (lines: MembershipFormValue[] | undefined): MembershipDto[] =>
  (lines ?? []).flatMap(({ organizationId, roles }) => (organizationId == null ? [] : [{ organizationId, roles: roles ?? [] }]));

/** The create body, with exactly the fields the API accepts (it refuses any other). */
export const toUserInput = (values: UserFormValues, { platformOperator }: { platformOperator: boolean }): NewUserInput => ({
  username: values.username ?? '',
  email: values.email ?? '',
  password: values.password ?? '',
  firstName: values.firstName ?? '',
  lastName: values.lastName ?? '',
  memberships: toMemberships(values.memberships),
  ...(platformOperator ? { platformOperator: values.platformOperator === true } : {}),
});

/**
 * The edit body: the fields the API lets an administrator change. The memberships come back
 * whole; the API changes those in the organizations the editor manages and keeps the others.
 */
export const toUserChanges = (values: UserFormValues, { platformOperator }: { platformOperator: boolean }): UserChanges => ({
  email: values.email ?? '',
  firstName: values.firstName ?? '',
  lastName: values.lastName ?? '',
  enabled: values.enabled === true,
  memberships: toMemberships(values.memberships),
  ...(platformOperator ? { platformOperator: values.platformOperator === true } : {}),
});
