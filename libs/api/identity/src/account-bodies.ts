import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmailAddress, IsFlag, isId, IsNewPassword, IsPersonName, MAX_ID, MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, Omittable, Unchangeable } from '@keyhouse/api-platform';
import { IsOptional } from 'class-validator';

/** The request bodies' fields that a back-office user and a customer user have alike. */

const SIGN_IN_EMAIL = 'An email address, also a name to sign in with: stored trimmed and lower-case.';
export const SENT_BACK = 'Shown on the record, so it may come back with an edit, but unchanged.';

/** How the document describes the id of a row: what IsId takes. */
export const ID = { type: 'integer', minimum: 1, maximum: MAX_ID } as const;

export const isText = (value: unknown): value is string => typeof value === 'string';

/** A first or last name: null or left out is none. */
const PersonName = (example: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_NAME_LENGTH, example }), IsOptional(), IsPersonName());

export class NewAccountBody {
  @ApiProperty({ example: 'ada@example.com', description: SIGN_IN_EMAIL })
  @IsEmailAddress()
  email!: string;

  @ApiProperty({ format: 'password', minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH })
  @IsNewPassword()
  password!: string;

  @PersonName('Ada')
  firstName?: string | null;

  @PersonName('Lovelace')
  lastName?: string | null;
}

export class AccountChangesBody {
  @ApiPropertyOptional({ example: 'ada@example.com', description: SIGN_IN_EMAIL })
  @Omittable()
  @IsEmailAddress()
  email?: string;

  @PersonName('Ada')
  firstName?: string | null;

  @PersonName('Lovelace')
  lastName?: string | null;

  @ApiPropertyOptional({ description: 'False: refused at sign-in, and signed out everywhere from the next request on.' })
  @Omittable()
  @IsFlag()
  enabled?: boolean;

  @ApiPropertyOptional({ ...ID, description: SENT_BACK })
  @Unchangeable('The id is set by the server.', isId)
  id?: number;

  @ApiPropertyOptional({ type: String, description: SENT_BACK })
  @Unchangeable('The creation date is set by the server.', isText)
  createdAt?: string;
}
