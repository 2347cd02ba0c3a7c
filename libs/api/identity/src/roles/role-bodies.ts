import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isPermission, PERMISSIONS, ROLE_NAME_PATTERN, ROLE_NAME_RULE, type Permission, type RoleChanges, type RoleInput } from '@keyhouse/shared-contracts';
import { FieldRule, IsId, isId, IsNonBlankText, MAX_TEXT_LENGTH, Omittable, RequestBody, Unchangeable } from '@keyhouse/api-platform';
import { IsOptional, Matches, ValidateIf } from 'class-validator';
import { ID, isText, SENT_BACK } from '../account-bodies';

export const ROLE_NOT_CREATED = 'The role was not created.';
export const ROLE_NOT_SAVED = 'The role was not saved.';
const NOT_AN_OBJECT = 'Send the role as a JSON object.';
const BLANK_LABEL = 'Enter a name for the role.';

const IsPermissionList = (): PropertyDecorator =>
  FieldRule('isPermissionList', (value) => {
    if (!Array.isArray(value)) return 'Give a list of permissions.';
    const unknown = value.filter((permission) => !isPermission(permission));
    return unknown.length ? `Unknown permission: ${unknown.map((permission) => (typeof permission === 'string' ? permission : JSON.stringify(permission))).join(', ')}.` : undefined;
  });

const Label = (required: boolean): PropertyDecorator =>
  applyDecorators(ApiProperty({ required, minLength: 1, example: 'Support desk', description: `At most ${MAX_TEXT_LENGTH} characters, surrounding spaces aside.` }), IsNonBlankText(BLANK_LABEL));
const Permissions = (required: boolean): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ required, enum: PERMISSIONS, enumName: 'Permission', isArray: true, description: 'Only what the caller holds where the role applies.' }),
    IsPermissionList(),
  );

/** A new role; whether the caller may make it there, with these permissions, is the service's to say. */
@RequestBody(NOT_AN_OBJECT, { refused: ROLE_NOT_CREATED })
export class CreateRoleBody implements RoleInput {
  @Label(true)
  label!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'ROLE_SUPPORT_DESK', description: `${ROLE_NAME_RULE} Left out, null or empty: made from the label.` })
  @ValidateIf((_body, name) => name !== undefined && name !== null && name !== '')
  @Matches(ROLE_NAME_PATTERN, { message: ROLE_NAME_RULE })
  name?: string | null;

  @Permissions(true)
  permissions!: Permission[];

  @ApiPropertyOptional({ ...ID, nullable: true, description: "Null or left out: a platform role (operators only); else that organization's own." })
  @IsOptional()
  @IsId('Must be an id, or null for a platform role.')
  organizationId?: number | null;
}

/** An edit of a role: the record may come back whole, its name and organization unchanged. */
@RequestBody(NOT_AN_OBJECT, { refused: ROLE_NOT_SAVED, withServiceRules: true })
export class UpdateRoleBody implements RoleChanges {
  @Omittable()
  @Label(false)
  label?: string;

  @Omittable()
  @Permissions(false)
  permissions?: Permission[];

  @ApiPropertyOptional({ type: String, description: `${SENT_BACK} Users are given roles by it.` })
  @Unchangeable('The name cannot be changed: users are given roles by it.', isText)
  name?: string;

  @ApiPropertyOptional({ ...ID, nullable: true, description: SENT_BACK })
  @Unchangeable('A role stays where it was created.', (value) => value === null || isId(value))
  organizationId?: number | null;

  @ApiPropertyOptional({ ...ID, description: SENT_BACK })
  @Unchangeable('The id is set by the server.', isId)
  id?: number;

  @ApiPropertyOptional({ description: SENT_BACK })
  @Unchangeable('Only the roles Keyhouse ships are built in.', (value) => typeof value === 'boolean')
  builtIn?: boolean;
}
