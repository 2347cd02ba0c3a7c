import type { Permission } from './permissions';

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
  organizationIds: number[];
  roles: string[];
  createdAt: string;
}

/** The signed-in user (`GET /admin/api/me`, the session answers). */
export interface MeDto extends UserDto {
  permissions: Permission[];
}

export interface OrganizationDto {
  id: number;
  name: string;
  createdAt: string;
}

/** Body of `POST /admin/api/customer-users`. */
export interface CustomerUserInput {
  organizationId?: number;
  email: string;
  firstName?: string;
  lastName?: string;
  password: string;
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

/** Answer of `POST` and `GET /admin/api/session`. */
export interface SessionDto {
  user: MeDto;
  /** Must be sent as `X-CSRF-Token` on every unsafe request made with the session cookie. */
  csrfToken: string;
}

export const CSRF_HEADER = 'X-CSRF-Token';
