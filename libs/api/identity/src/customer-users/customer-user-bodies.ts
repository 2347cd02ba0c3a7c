import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CustomerUserChanges, CustomerUserInput } from '@keyhouse/shared-contracts';
import { IsId, isId, IsLocale, Omittable, RequestBody, Unchangeable } from '@keyhouse/api-platform';
import { AccountChangesBody, ID, NewAccountBody, SENT_BACK } from '../account-bodies';

export const CUSTOMER_USER_NOT_SAVED = 'The customer user was not saved.';
const NOT_AN_OBJECT = 'Send the customer user as a JSON object.';
const LOCALE = { example: 'de', description: 'Language of the storefront emails they receive.' };

/** A new storefront account; whether the caller may add it to that organization is the service's to say. */
@RequestBody(NOT_AN_OBJECT, { refused: 'The customer user was not created.' })
export class CreateCustomerUserBody extends NewAccountBody implements CustomerUserInput {
  @ApiPropertyOptional({ ...ID, description: 'Left out: the first organization where the caller may create customer users.' })
  @Omittable()
  @IsId('Must be an id.')
  organizationId?: number;

  @ApiPropertyOptional({ ...LOCALE, default: 'en' })
  @Omittable()
  @IsLocale()
  locale?: string;
}

/** An edit of a customer user: the fields of the record may all come back, the fixed ones unchanged. */
@RequestBody(NOT_AN_OBJECT, { refused: CUSTOMER_USER_NOT_SAVED, withServiceRules: true })
export class UpdateCustomerUserBody extends AccountChangesBody implements CustomerUserChanges {
  @ApiPropertyOptional(LOCALE)
  @Omittable()
  @IsLocale()
  locale?: string;

  @ApiPropertyOptional({ ...ID, description: SENT_BACK })
  @Unchangeable('A customer user stays in their organization.', isId)
  organizationId?: number;
}
