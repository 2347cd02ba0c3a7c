import type { CustomerUserInput } from '@keyhouse/shared-contracts';
import { fieldsOf, unknownFieldErrors, ValidationFailedException } from '@keyhouse/api-platform';
import { isEmailAddress, isLocale, isPersonName, NAME_TOO_LONG, NOT_A_LOCALE, NOT_AN_EMAIL } from '../account-fields';

const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 1024;
const FIELDS = ['organizationId', 'email', 'firstName', 'lastName', 'password', 'locale'];

export type NewCustomerUser = Required<Omit<CustomerUserInput, 'organizationId'>> & { organizationId?: number };

/** Reads a create body: every problem at once, each at its field. The email is stored lower-case (it is the sign-in name). */
export function readCustomerUserInput(raw: unknown): NewCustomerUser {
  const body = fieldsOf(raw);
  const errors = unknownFieldErrors(body, FIELDS);
  const { organizationId, email, firstName = '', lastName = '', password, locale = 'en' } = body;
  if (organizationId !== undefined && (!Number.isSafeInteger(organizationId) || (organizationId as number) <= 0)) errors['organizationId'] = 'Must be an id.';
  if (!isEmailAddress(email)) errors['email'] = NOT_AN_EMAIL;
  if (!isPersonName(firstName)) errors['firstName'] = NAME_TOO_LONG;
  if (!isPersonName(lastName)) errors['lastName'] = NAME_TOO_LONG;
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    errors['password'] = `Use ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`;
  }
  if (!isLocale(locale)) errors['locale'] = NOT_A_LOCALE;
  if (Object.keys(errors).length) throw new ValidationFailedException(errors, 'The customer user was not created.');
  return {
    ...(organizationId !== undefined ? { organizationId: organizationId as number } : {}),
    email: (email as string).trim().toLowerCase(),
    firstName: (firstName as string).trim(),
    lastName: (lastName as string).trim(),
    password: password as string,
    locale: locale as string,
  };
}
