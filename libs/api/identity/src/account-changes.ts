import { fieldsOf, unknownFieldErrors, ValidationFailedException } from '@keyhouse/api-platform';
import { isEmailAddress, isLocale, isPersonName, NAME_TOO_LONG, NOT_A_LOCALE, NOT_AN_EMAIL } from './account-fields';

/** What an administrator may change of a back-office user or a customer user. */
export interface AccountChanges {
  email?: string;
  firstName?: string;
  lastName?: string;
  enabled?: boolean;
  locale?: string;
}

type Editable = keyof AccountChanges;

interface AccountShape {
  /** Fields this kind of account lets an administrator change. */
  editable: readonly Editable[];
  /** Shown on the record, so react-admin sends them back: accepted unchanged, refused changed. */
  readOnly: Readonly<Record<string, string>>;
  /** The message of a refused body: "The user was not saved." */
  refused: string;
}

/**
 * Reads an update body against the stored record: every problem at once, each at its field.
 * Only fields whose value differs from the record come back, so that an unchanged form
 * changes (and audits) nothing.
 */
export function readAccountChanges(raw: unknown, current: Record<string, unknown>, shape: AccountShape): AccountChanges {
  const body = fieldsOf(raw);
  const errors = unknownFieldErrors(body, [...shape.editable, ...Object.keys(shape.readOnly)]);
  for (const [name, message] of Object.entries(shape.readOnly)) {
    if (name in body && JSON.stringify(body[name]) !== JSON.stringify(current[name])) errors[name] = message;
  }
  const changes: AccountChanges = {};
  const sent = (name: Editable) => shape.editable.includes(name) && body[name] !== undefined;
  if (sent('email')) {
    const email = body['email'];
    if (!isEmailAddress(email)) errors['email'] = NOT_AN_EMAIL;
    else changes.email = email.trim().toLowerCase();
  }
  for (const name of ['firstName', 'lastName'] as const) {
    if (!sent(name)) continue;
    const value = body[name] ?? '';
    if (!isPersonName(value)) errors[name] = NAME_TOO_LONG;
    else changes[name] = value.trim();
  }
  if (sent('enabled')) {
    if (typeof body['enabled'] !== 'boolean') errors['enabled'] = 'Must be true or false.';
    else changes.enabled = body['enabled'];
  }
  if (sent('locale')) {
    const locale = body['locale'];
    if (!isLocale(locale)) errors['locale'] = NOT_A_LOCALE;
    else changes.locale = locale;
  }
  if (Object.keys(errors).length) throw new ValidationFailedException(errors, shape.refused);
  return Object.fromEntries(Object.entries(changes).filter(([name, value]) => value !== current[name])) as AccountChanges;
}
