/** How the fields of an account are checked, the same whether it is created or edited. */
const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;
const LOCALE = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$/;
const MAX_EMAIL_LENGTH = 255;
const MAX_NAME_LENGTH = 100;

export const NOT_AN_EMAIL = 'Enter an email address.';
export const NAME_TOO_LONG = `Use at most ${MAX_NAME_LENGTH} characters.`;
export const NOT_A_LOCALE = 'Use a language code such as en or de.';

/** An address as it will be stored: surrounding spaces do not count. */
export const isEmailAddress = (value: unknown): value is string =>
  typeof value === 'string' && EMAIL.test(value.trim()) && value.trim().length <= MAX_EMAIL_LENGTH;

export const isPersonName = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_NAME_LENGTH;

export const isLocale = (value: unknown): value is string => typeof value === 'string' && LOCALE.test(value);
