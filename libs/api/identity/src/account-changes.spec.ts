import { ValidationFailedException } from '@keyhouse/api-platform';
import { readAccountChanges } from './account-changes';

const shape = {
  editable: ['email', 'firstName', 'lastName', 'enabled'] as const,
  readOnly: { id: 'Set by the server.', username: 'The username cannot be changed.' },
  refused: 'The user was not saved.',
};
const current = { id: 7, username: 'ann', email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', enabled: true };

function errorsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedException);
    return ((error as ValidationFailedException).getResponse() as { errors: Record<string, string> }).errors;
  }
  throw new Error('expected a validation failure');
}

describe('readAccountChanges', () => {
  it('answers only what differs from the record, trimmed, the email lower-case', () => {
    expect(readAccountChanges({ ...current, email: ' Ann.Lee@Example.com ', firstName: ' Ann ', enabled: false }, current, shape)).toEqual({
      email: 'ann.lee@example.com',
      enabled: false,
    });
  });

  it('changes nothing for the record sent back as it is', () => {
    expect(readAccountChanges({ ...current }, current, shape)).toEqual({});
  });

  it('refuses changed read-only fields, unknown ones, and fields this kind of account does not edit, each at its field', () => {
    expect(errorsOf(() => readAccountChanges({ id: 8, username: 'bob', passwordHash: 'x', locale: 'de' }, current, shape))).toEqual({
      id: 'Set by the server.',
      username: 'The username cannot be changed.',
      passwordHash: 'Unknown field "passwordHash".',
      locale: 'Unknown field "locale".',
    });
  });

  it('reports every bad value at once', () => {
    expect(errorsOf(() => readAccountChanges({ email: 'not an address', firstName: 'x'.repeat(101), lastName: 3, enabled: 'no' }, current, shape))).toEqual({
      email: 'Enter an email address.',
      firstName: 'Use at most 100 characters.',
      lastName: 'Use at most 100 characters.',
      enabled: 'Must be true or false.',
    });
  });

  it('reads a locale where the account has one', () => {
    const customer = { ...shape, editable: [...shape.editable, 'locale'] as const };
    expect(readAccountChanges({ locale: 'pt-BR' }, { ...current, locale: 'en' }, customer)).toEqual({ locale: 'pt-BR' });
    expect(errorsOf(() => readAccountChanges({ locale: 'Portuguese' }, { ...current, locale: 'en' }, customer))).toEqual({
      locale: 'Use a language code such as en or de.',
    });
  });
});
