import { checkNewUserFields } from './user-accounts.service';

describe('checkNewUserFields', () => {
  const valid = { username: 'ann.lee', email: 'ann@example.com' };

  it('accepts a plain username and email, with or without a password', () => {
    expect(checkNewUserFields(valid)).toEqual({});
    expect(checkNewUserFields({ ...valid, password: 'twelve chars' })).toEqual({});
  });

  it('reports every problem at once, each at its field', () => {
    expect(checkNewUserFields({ username: 'ann lee', email: 'not-an-email', password: 'short' })).toEqual({
      username: expect.stringContaining('1 to 180 letters'),
      email: 'Enter an email address.',
      password: expect.stringContaining('12 to 1024 characters'),
    });
  });

  it('refuses an empty username and an overlong password', () => {
    expect(checkNewUserFields({ ...valid, username: '' })).toHaveProperty('username');
    expect(checkNewUserFields({ ...valid, password: 'x'.repeat(1025) })).toHaveProperty('password');
  });
});
