/**
 * The built-in roles, by the names the API takes. There is no roles API: these two are
 * what every installation has.
 */
export const ROLE_CHOICES = [
  { id: 'ROLE_ADMINISTRATOR', name: 'Administrator' },
  { id: 'ROLE_USER', name: 'User' },
];

/** Body of `POST /admin/api/users`. */
export interface NewUserInput {
  username: string;
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  organizationIds: number[];
  roles: string[];
}

/** What the form holds: react-admin turns emptied text inputs into null. */
export type UserFormValues = { [Field in keyof NewUserInput]?: NewUserInput[Field] | null };

// The least a new user can be given; granting administration is a deliberate choice.
export const USER_DEFAULTS: UserFormValues = { organizationIds: [], roles: ['ROLE_USER'] };

/**
 * The create body, with exactly the fields the API accepts (it refuses any other). With a
 * single organization the picker is hidden and the user joins that one.
 */
export const toUserInput = (values: UserFormValues, onlyOrganizationId?: number): NewUserInput => ({
  username: values.username ?? '',
  email: values.email ?? '',
  password: values.password ?? '',
  firstName: values.firstName ?? '',
  lastName: values.lastName ?? '',
  organizationIds: onlyOrganizationId === undefined ? (values.organizationIds ?? []) : [onlyOrganizationId],
  roles: values.roles ?? [],
});
