import type { Permission } from './permissions';

/** One organization a user belongs to, and the roles they hold there. */
export interface MembershipDto {
  organizationId: number;
  /** Role names. */
  roles: string[];
}

/** A back-office user's name to sign in with, as it is stored (trimmed, then lower-cased). */
export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]{1,180}$/;
export const USERNAME_RULE = 'Use 1 to 180 letters, digits, dots, dashes, underscores or @.';

export const isUsername = (value: unknown): value is string => typeof value === 'string' && USERNAME_PATTERN.test(value);

/** A back-office user as the API shows it: never a password digest. */
export interface UserDto {
  id: number;
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  enabled: boolean;
  /** Language of the emails they receive. */
  locale: string;
  /** Manages every organization and the platform's defaults. */
  platformOperator: boolean;
  /** The memberships the caller may see (in organizations where they may view users). */
  memberships: MembershipDto[];
  /** The organizations of those memberships. */
  organizationIds: number[];
  /** Every role of those memberships, once. */
  roles: string[];
  createdAt: string;
}

/** What the signed-in user may do in one of their organizations. */
export interface MembershipAccessDto extends MembershipDto {
  organizationName: string;
  permissions: Permission[];
}

/** The signed-in user (`GET /admin/api/me`, the session answers). */
export interface MeDto extends UserDto {
  /** Whatever they may do in at least one organization (every permission for an operator). */
  permissions: Permission[];
  /** Their own memberships, all of them, with what each allows. */
  access: MembershipAccessDto[];
  /** Set when the request came with an access token: the application acting for them, in one organization. */
  application?: { id: number; clientId: string; organizationId: number };
}

/**
 * Body of `POST /admin/api/users`: `memberships`, or the older pair `organizationIds` + `roles`
 * (the same roles in each organization), never both.
 */
export interface UserInput {
  username: string;
  email: string;
  password: string;
  /** Null or left out: none. */
  firstName?: string | null;
  lastName?: string | null;
  platformOperator?: boolean;
  memberships?: MembershipDto[];
  organizationIds?: number[];
  roles?: string[];
}

/** What `PUT /admin/api/users/:id` changes; the rest of the record may come back unchanged. */
export interface UserChanges {
  email?: string;
  firstName?: string | null;
  lastName?: string | null;
  enabled?: boolean;
  platformOperator?: boolean;
  /** In the organizations where the caller may edit users; the others may only come back as they are. */
  memberships?: MembershipDto[];
}

export interface OrganizationDto {
  id: number;
  name: string;
  createdAt: string;
}

/** Body of `POST /admin/api/organizations`. */
export interface OrganizationInput {
  name: string;
}

/** Body of `POST /admin/api/customer-users`. */
export interface CustomerUserInput {
  organizationId?: number;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  password: string;
  locale?: string;
}

/** What `PUT /admin/api/customer-users/:id` changes; the rest of the record may come back unchanged. */
export interface CustomerUserChanges {
  email?: string;
  firstName?: string | null;
  lastName?: string | null;
  enabled?: boolean;
  locale?: string;
}

/** A storefront user: signs in on the storefront, belongs to exactly one organization. */
export interface CustomerUserDto {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  enabled: boolean;
  locale: string;
  organizationId: number;
  createdAt: string;
}

export interface SignInRequest {
  username: string;
  password: string;
}

/** A way to sign in to the console other than a password: `GET /admin/api/session/providers`. */
export interface SignInProviderDto {
  id: string;
  /** The provider's name, as the "Sign in with …" button shows it. */
  name: string;
  /** Where the button leads: a redirect to the provider. */
  url: string;
}

/** Answer of `POST` and `GET /admin/api/session`. */
export interface SessionDto {
  user: MeDto;
  /** Must be sent as `X-CSRF-Token` on every unsafe request made with the session cookie. */
  csrfToken: string;
}

export const CSRF_HEADER = 'X-CSRF-Token';
