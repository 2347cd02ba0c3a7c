import { ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { ipRangeProblem } from '../network/ip-ranges';

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

/** How a list field reads: at most `max` entries, each one valid, none twice. */
interface ListRule {
  max: number;
  /** What the entries are, in the plural ("redirect URIs") and the singular ("redirect URI"). */
  plural: string;
  singular: string;
  /** What is wrong with the entry at `position` (from 1), as the whole message; undefined when nothing is. */
  entryProblem: (entry: unknown, position: number) => string | undefined;
}

function listProblem(value: unknown, { max, plural, singular, entryProblem }: ListRule): string | undefined {
  if (!Array.isArray(value) || value.length > max) return `Give a list of at most ${max} ${plural}.`;
  for (const [index, entry] of value.entries()) {
    const problem = entryProblem(entry, index + 1);
    if (problem) return problem;
  }
  return new Set(value).size === value.length ? undefined : `Each ${singular} may be listed once.`;
}

/** An entry's problem named by its position: "Redirect URI 2 must not contain a fragment." */
const numbered =
  (name: string, problem: (entry: string) => string | undefined) =>
  (entry: unknown, position: number): string | undefined => {
    const found = typeof entry === 'string' ? problem(entry) : 'must be a string';
    return found && `${name} ${position} ${found}.`;
  };

/** RFC 6749 3.3: one character of a scope-token, `%x21 / %x23-5B / %x5D-7E` (no space, `"` or `\`). */
export const SCOPE_TOKEN_CHARACTER = '[\\x21\\x23-\\x5B\\x5D-\\x7E]';
const SCOPE_TOKEN = new RegExp(`^${SCOPE_TOKEN_CHARACTER}{1,100}$`);

export const isScopeToken = (value: unknown): value is string => typeof value === 'string' && SCOPE_TOKEN.test(value);

/** The scopes an application may be given, each a scope-token (RFC 6749 3.3). */
export const IsScopeList = (max: number, options?: ValidationOptions): PropertyDecorator =>
  FieldRule(
    'isScopeList',
    (value) =>
      listProblem(value, {
        max,
        plural: 'scopes',
        singular: 'scope',
        entryProblem: (scope) => (isScopeToken(scope) ? undefined : `"${String(scope)}" is not a valid scope (no spaces, quotes or backslashes).`),
      }),
    options,
  );

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** RFC 6749 3.1.2 and RFC 9700 2.1: absolute, exact, no fragment; https except on loopback. */
export function redirectUriProblem(uri: string): string | undefined {
  if (uri.length > 2000) return 'is too long';
  if (uri.includes('*')) return 'must not contain wildcards';
  if (uri.includes('#')) return 'must not contain a fragment';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not contain credentials';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return 'must use https (http only on localhost, 127.0.0.1 or [::1])';
}

export const IsRedirectUriList = (max: number, options?: ValidationOptions): PropertyDecorator =>
  FieldRule(
    'isRedirectUriList',
    (value) => listProblem(value, { max, plural: 'redirect URIs', singular: 'redirect URI', entryProblem: numbered('Redirect URI', redirectUriProblem) }),
    options,
  );

/** IP addresses and CIDR ranges, IPv4 or IPv6 (see ipRangeProblem). */
export const IsIpRangeList = (max: number, options?: ValidationOptions): PropertyDecorator =>
  FieldRule(
    'isIpRangeList',
    (value) => listProblem(value, { max, plural: 'IP ranges', singular: 'IP range', entryProblem: numbered('IP range', ipRangeProblem) }),
    options,
  );
