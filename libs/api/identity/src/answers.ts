import { ApiProperty } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type CustomerUserDto,
  type MeDto,
  type MembershipAccessDto,
  type MembershipDto,
  type OrganizationDto,
  type Permission,
  type RoleDto,
  type SessionDto,
  type SignInProviderDto,
  type UserDto,
} from '@keyhouse/shared-contracts';

/** The answers of the identity routes, as the OpenAPI document describes them; the contracts say what each field means. */

type ActingApplication = Required<MeDto>['application'];

export class MembershipAnswer implements MembershipDto {
  @ApiProperty({ type: 'integer' })
  organizationId!: number;

  @ApiProperty({ type: [String], description: 'Role names.' })
  roles!: string[];
}

export class UserAnswer implements UserDto {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty()
  username!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  firstName!: string;

  @ApiProperty()
  lastName!: string;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ description: 'Language of the emails they receive.' })
  locale!: string;

  @ApiProperty()
  platformOperator!: boolean;

  @ApiProperty({ type: [MembershipAnswer], description: 'The memberships the caller may see.' })
  memberships!: MembershipAnswer[];

  @ApiProperty({ type: 'integer', isArray: true })
  organizationIds!: number[];

  @ApiProperty({ type: [String] })
  roles!: string[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class MembershipAccessAnswer extends MembershipAnswer implements MembershipAccessDto {
  @ApiProperty()
  organizationName!: string;

  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true })
  permissions!: Permission[];
}

export class MeApplicationAnswer implements ActingApplication {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty()
  clientId!: string;

  @ApiProperty({ type: 'integer' })
  organizationId!: number;
}

export class MeAnswer extends UserAnswer implements MeDto {
  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true, description: 'What they may do in at least one organization.' })
  permissions!: Permission[];

  @ApiProperty({ type: [MembershipAccessAnswer], description: 'Their own memberships, with what each allows.' })
  access!: MembershipAccessAnswer[];

  @ApiProperty({ type: () => MeApplicationAnswer, required: false, description: 'Set for an access token: the application acting for them.' })
  application?: MeApplicationAnswer;
}

export class SessionAnswer implements SessionDto {
  @ApiProperty({ type: () => MeAnswer })
  user!: MeAnswer;

  @ApiProperty({ description: 'Send it as `X-CSRF-Token` on every unsafe request made with the session cookie.' })
  csrfToken!: string;
}

export class SignInProviderAnswer implements SignInProviderDto {
  @ApiProperty({ example: 'sso' })
  id!: string;

  @ApiProperty({ description: 'The provider, as the "Sign in with …" button names it.', example: 'Acme Entra ID' })
  name!: string;

  @ApiProperty({ description: 'Where the button leads: a redirect to the provider.', example: '/admin/api/session/sso' })
  url!: string;
}

export class OrganizationAnswer implements OrganizationDto {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class CustomerUserAnswer implements CustomerUserDto {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  firstName!: string;

  @ApiProperty()
  lastName!: string;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty()
  locale!: string;

  @ApiProperty({ type: 'integer' })
  organizationId!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class RoleAnswer implements RoleDto {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty({ description: 'Stable machine name (`ROLE_ADMINISTRATOR`); users are given roles by it.' })
  name!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true })
  permissions!: Permission[];

  @ApiProperty({ type: 'integer', nullable: true, description: 'Null: a platform role, assignable in every organization.' })
  organizationId!: number | null;

  @ApiProperty({ description: 'Shipped with Keyhouse: nobody edits it.' })
  builtIn!: boolean;
}
