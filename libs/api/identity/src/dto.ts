import { isBuiltInRole, type CustomerUserDto, type MeDto, type MembershipDto, type OrganizationDto, type RoleDto, type UserDto } from '@keyhouse/shared-contracts';
import { inScope, type OrganizationScope } from '@keyhouse/api-platform';
import type { CustomerUser, Membership, Organization, Role, User } from './entities';
import type { BackOfficePrincipal } from './session/principal';

const byOrganization = (a: Membership, b: Membership) => a.organizationId - b.organizationId;

const toMembershipDto = (membership: Membership): MembershipDto => ({
  organizationId: membership.organizationId,
  roles: membership.roles.map((role) => role.name).sort(),
});

/**
 * A user as someone who sees them in `visible` (the organizations where that someone may view
 * users) is shown them: memberships elsewhere are not theirs to know.
 */
export function toUserDto(user: User, visible: OrganizationScope): UserDto {
  const memberships = user.memberships
    .filter((membership) => inScope(visible, membership.organizationId))
    .sort(byOrganization)
    .map(toMembershipDto);
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    enabled: user.enabled,
    locale: user.locale,
    platformOperator: user.platformOperator,
    memberships,
    organizationIds: memberships.map((membership) => membership.organizationId),
    roles: [...new Set(memberships.flatMap((membership) => membership.roles))].sort(),
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

export function toRoleDto(role: Role): RoleDto {
  return {
    id: role.id,
    name: role.name,
    label: role.label,
    permissions: role.permissions,
    organizationId: role.organizationId,
    builtIn: isBuiltInRole(role.name),
  };
}

/**
 * The signed-in user with what they may do, and where, so the console shows only that. For an
 * access token: only the token's organization, with what its scopes allow.
 */
export function toMeDto(principal: BackOfficePrincipal): MeDto {
  const { user, reach, application } = principal;
  const own = user.memberships.filter((membership) => reach.memberOf.includes(membership.organizationId)).sort(byOrganization);
  return {
    ...toUserDto(user, reach.memberOf),
    // What this request may do: a token of an operator is not one.
    platformOperator: reach.platformOperator,
    permissions: reach.permissionsAnywhere(),
    access: own.map((membership) => ({
      ...toMembershipDto(membership),
      organizationName: membership.organization?.name ?? '',
      permissions: reach.permissionsIn(membership.organizationId),
    })),
    ...(application ? { application } : {}),
  };
}
