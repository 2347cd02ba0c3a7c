import { BodyValidationPipe, changedUnchangeables, fieldProblems } from '@keyhouse/api-platform';
import { accountChanges } from './account-changes';
import { UpdateCustomerUserBody } from './customer-users/customer-user-bodies';
import { UpdateUserBody } from './users/user-bodies';

const current = { id: 7, username: 'ann', email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', enabled: true, locale: 'en' };

const bodyOf = async <T extends object>(metatype: new () => T, value: object): Promise<T> =>
  (await new BodyValidationPipe().transform(value, { type: 'body', metatype })) as T;

describe('account edits', () => {
  it('change only what differs from the record, trimmed, the email lower-case', () => {
    expect(accountChanges({ ...current, email: ' Ann.Lee@Example.com ', firstName: ' Ann ', enabled: false }, current)).toEqual({
      email: 'ann.lee@example.com',
      enabled: false,
    });
  });

  it('change nothing for the record sent back as it is', async () => {
    const body = await bodyOf(UpdateUserBody, { ...current });
    expect(fieldProblems(body)).toEqual({});
    expect(changedUnchangeables(body, current)).toEqual({});
    expect(accountChanges({ ...current }, current)).toEqual({});
  });

  it('take a name sent as null (an emptied input) for none', () => {
    expect(accountChanges({ firstName: null, lastName: 'Lee' }, current)).toEqual({ firstName: '' });
  });

  it('refuse changed read-only fields and unknown ones, each at its field', async () => {
    const body = await bodyOf(UpdateUserBody, { id: 8, username: 'bob', passwordHash: 'x', locale: 'de' });
    expect({ ...fieldProblems(body), ...changedUnchangeables(body, current) }).toEqual({
      id: 'The id is set by the server.',
      username: 'The username cannot be changed.',
      passwordHash: 'Unknown field "passwordHash".',
      locale: 'Users choose the language of their emails themselves.',
    });
  });

  it('report every bad value at once', async () => {
    const body = await bodyOf(UpdateUserBody, { email: 'not an address', firstName: 'x'.repeat(101), lastName: 3, enabled: 'no' });
    expect(fieldProblems(body)).toEqual({
      email: 'Enter an email address.',
      firstName: 'Use at most 100 characters.',
      lastName: 'Use at most 100 characters.',
      enabled: 'Must be true or false.',
    });
  });

  it('read a locale where the account has one', async () => {
    const customer = await bodyOf(UpdateCustomerUserBody, { locale: 'pt-BR' });
    expect(accountChanges(customer, current)).toEqual({ locale: 'pt-BR' });
    expect(fieldProblems(await bodyOf(UpdateCustomerUserBody, { locale: 'Portuguese' }))).toEqual({ locale: 'Use a language code such as en or de.' });
  });
});
