import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isUsername, USERNAME_RULE, type MembershipDto, type UserChanges, type UserInput } from '@keyhouse/shared-contracts';
import { FieldRule, IsFlag, IsId, isId, Omittable, RequestBody, Unchangeable } from '@keyhouse/api-platform';
import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsObject, IsString, ValidateNested } from 'class-validator';
import { AccountChangesBody, ID, isText, NewAccountBody, SENT_BACK } from '../account-bodies';

export const USER_NOT_CREATED = 'The user was not created.';
export const USER_NOT_SAVED = 'The user was not saved.';
const NOT_AN_OBJECT = 'Send the user as a JSON object.';
export const ROLE_NAMES = 'Give a list of role names.';
export const ORGANIZATION_IDS = 'Give a list of organization ids.';
const MEMBERSHIPS = 'Give a list of {"organizationId", "roles": [role names]}.';

/** Surrounding spaces do not count: the username is stored trimmed. */
const IsUsername = (): PropertyDecorator => FieldRule('isUsername', (value) => (typeof value === 'string' && isUsername(value.trim()) ? undefined : USERNAME_RULE));

// A field's rules are checked in the order they are applied: in the order listed here, and from
// the property upwards where they are stacked on it.
const RoleNames = (): PropertyDecorator => applyDecorators(IsArray({ message: ROLE_NAMES }), IsString({ each: true, message: ROLE_NAMES }));

export class MembershipBody implements MembershipDto {
  @ApiProperty({ ...ID, example: 1 })
  @IsId('Choose an organization.')
  organizationId!: number;

  @ApiProperty({ type: [String], example: ['ROLE_USER'], description: "Role names: the platform's roles, or that organization's own." })
  @RoleNames()
  roles!: string[];
}

/** A line per organization, each organization at most once. */
const Memberships = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: [MembershipBody], description }),
    Omittable(),
    IsArray({ message: MEMBERSHIPS }),
    IsObject({ each: true, message: MEMBERSHIPS }),
    ArrayUnique((membership: MembershipBody) => membership.organizationId, { message: 'Each organization may appear once.' }),
    ValidateNested({ each: true }),
    Type(() => MembershipBody),
  );

const PlatformOperator = (description: string): PropertyDecorator => applyDecorators(ApiPropertyOptional({ description }), Omittable(), IsFlag());

/** A new back-office user; whether the caller may give these memberships is the service's to say. */
@RequestBody(NOT_AN_OBJECT, { refused: USER_NOT_CREATED, withServiceRules: true })
export class CreateUserBody extends NewAccountBody implements UserInput {
  @ApiProperty({ example: 'ada.lovelace', description: `${USERNAME_RULE} Stored trimmed and lower-case.` })
  @IsUsername()
  username!: string;

  @PlatformOperator('Manages every organization and the platform; only a platform operator makes one.')
  platformOperator?: boolean;

  @Memberships('Where they belong, with their roles there: organizations where the caller may create users. Not with `organizationIds` and `roles`.')
  memberships?: MembershipBody[];

  @ApiPropertyOptional({ type: 'integer', isArray: true, description: 'The older form, with `roles`: the same roles in each of these organizations.' })
  @Omittable()
  @IsId(ORGANIZATION_IDS, { each: true })
  @IsArray({ message: ORGANIZATION_IDS })
  organizationIds?: number[];

  @ApiPropertyOptional({ type: [String], example: ['ROLE_USER'], description: 'The older form, with `organizationIds`: role names.' })
  @Omittable()
  @RoleNames()
  roles?: string[];
}

/** An edit of a back-office user: the fields of the record may all come back, the fixed ones unchanged. */
@RequestBody(NOT_AN_OBJECT, { refused: USER_NOT_SAVED, withServiceRules: true })
export class UpdateUserBody extends AccountChangesBody implements UserChanges {
  @PlatformOperator('Only a platform operator changes it, and never their own.')
  platformOperator?: boolean;

  @Memberships('In the organizations where the caller may edit users; the others may only come back as they are.')
  memberships?: MembershipBody[];

  @ApiPropertyOptional({ type: String, description: SENT_BACK })
  @Unchangeable('The username cannot be changed.', isText)
  username?: string;

  @ApiPropertyOptional({ type: String, description: `${SENT_BACK} Users choose it themselves.` })
  @Unchangeable('Users choose the language of their emails themselves.', isText)
  locale?: string;

  @ApiPropertyOptional({ type: 'integer', isArray: true, description: `${SENT_BACK} The memberships change it.` })
  @Unchangeable('Change the memberships to change organizations.', (value) => Array.isArray(value) && value.every(isId))
  organizationIds?: number[];

  @ApiPropertyOptional({ type: [String], description: `${SENT_BACK} The memberships change it.` })
  @Unchangeable('Change the memberships to change roles.', (value) => Array.isArray(value) && value.every(isText))
  roles?: string[];
}
