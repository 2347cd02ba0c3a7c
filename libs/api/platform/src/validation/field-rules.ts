import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * The field rules more than one resource uses, each one decorator with its one message, so an
 * email or a locale is the same thing for a user, a customer and a notification setting.
 */

/**
 * A rule under its own name: `problem` answers what is wrong with a value, in words for the
 * caller, or undefined when nothing is.
 */
export function FieldRule(name: string, problem: (value: unknown) => string | undefined, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value) => problem(value) === undefined,
        defaultMessage: (args) => problem(args?.value) ?? '',
      },
    },
    options,
  );
}

/** The field may be left out; sent, even as `null`, it is checked (class-validator's IsOptional lets `null` through). */
export const Omittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/** Every table's ids are INT columns: anything larger cannot name a row. */
export const MAX_ID = 2_147_483_647;

export const isId = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_ID;

/** The id of a row as a JSON number; `message` says what it should name ("Choose an organization."). */
export const IsId = (message: string, options?: ValidationOptions): PropertyDecorator =>
  FieldRule('isId', (value) => (isId(value) ? undefined : message), options);

export const NOT_A_FLAG = 'Must be true or false.';

export const IsFlag = (options?: ValidationOptions): PropertyDecorator =>
  FieldRule('isFlag', (value) => (typeof value === 'boolean' ? undefined : NOT_A_FLAG), options);

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;
const MAX_EMAIL_LENGTH = 255;
export const NOT_AN_EMAIL = 'Enter an email address.';

/** An address as it will be stored: surrounding spaces do not count. */
export const isEmailAddress = (value: unknown): value is string =>
  typeof value === 'string' && EMAIL.test(value.trim()) && value.trim().length <= MAX_EMAIL_LENGTH;

export const IsEmailAddress = (options?: ValidationOptions): PropertyDecorator =>
  FieldRule('isEmailAddress', (value) => (isEmailAddress(value) ? undefined : NOT_AN_EMAIL), options);

const LOCALE = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$/;
export const NOT_A_LOCALE = 'Use a language code such as en or de.';

export const isLocale = (value: unknown): value is string => typeof value === 'string' && LOCALE.test(value);

export const IsLocale = (options?: ValidationOptions): PropertyDecorator =>
  FieldRule('isLocale', (value) => (isLocale(value) ? undefined : NOT_A_LOCALE), options);

export const MAX_TEXT_LENGTH = 255;

/** A line of text that may not be blank (a label, a name, a subject); surrounding spaces do not count. */
export const IsNonBlankText = (blank: string, options?: ValidationOptions): PropertyDecorator =>
  FieldRule(
    'isNonBlankText',
    (value) => {
      if (typeof value !== 'string' || !value.trim()) return blank;
      return value.trim().length > MAX_TEXT_LENGTH ? `Use at most ${MAX_TEXT_LENGTH} characters.` : undefined;
    },
    options,
  );

export const MAX_NAME_LENGTH = 100;
export const NAME_TOO_LONG = `Use at most ${MAX_NAME_LENGTH} characters.`;

export const isPersonName = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_NAME_LENGTH;

/** A first or last name: free text, but bounded. */
export const IsPersonName = (options?: ValidationOptions): PropertyDecorator =>
  FieldRule('isPersonName', (value) => (isPersonName(value) ? undefined : NAME_TOO_LONG), options);

export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing it costs nothing unusual. */
export const MAX_PASSWORD_LENGTH = 1024;
export const PASSWORD_LENGTH = `Use ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`;

export const isNewPassword = (value: unknown): value is string =>
  typeof value === 'string' && value.length >= MIN_PASSWORD_LENGTH && value.length <= MAX_PASSWORD_LENGTH;

/** A password someone sets; `message` says more where there is an alternative (leaving it out). */
export const IsNewPassword = (message = PASSWORD_LENGTH, options?: ValidationOptions): PropertyDecorator =>
  FieldRule('isNewPassword', (value) => (isNewPassword(value) ? undefined : message), options);
