import type { CustomerUserDto, MeDto, OrganizationDto, UserDto } from '@keyhouse/shared-contracts';
import type { CustomerUser, Organization, User } from './entities';
import type { BackOfficePrincipal } from './session/principal';

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    enabled: user.enabled,
    locale: user.locale,
    organizationIds: (user.organizations ?? []).map((o) => o.id).sort((a, b) => a - b),
    roles: (user.roles ?? []).map((r) => r.name).sort(),
    createdAt: user.createdAt.toISOString(),
  };
}

export function toOrganizationDto(organization: Organization): OrganizationDto {
  return { id: organization.id, name: organization.name, createdAt: organization.createdAt.toISOString() };
}

export function toCustomerUserDto(customer: CustomerUser): CustomerUserDto {
  return {
    id: customer.id,
    email: customer.email,
    firstName: customer.firstName,
    lastName: customer.lastName,
    enabled: customer.enabled,
    locale: customer.locale,
    organizationId: customer.organizationId,
    createdAt: customer.createdAt.toISOString(),
  };
}

/** The signed-in user, with what their roles allow so the console can hide what they cannot do. */
export function toMeDto(principal: BackOfficePrincipal): MeDto {
  return { ...toUserDto(principal.user), permissions: [...principal.permissions].sort() };
}
