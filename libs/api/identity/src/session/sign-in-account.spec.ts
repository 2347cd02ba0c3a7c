import { accountCounter } from './sign-in-account';

describe('accountCounter', () => {
  it('names an account by its id, whatever login was typed', () => {
    expect(accountCounter('user', 7, 'admin')).toBe('user:7');
    expect(accountCounter('user', 7, 'Admin@Example.com')).toBe('user:7');
    expect(accountCounter('customer', 7, 'shopper@example.com')).toBe('customer:7');
  });

  it('counts a login that names no account under the login itself, in any case and spacing', () => {
    const counter = accountCounter('user', undefined, 'nobody@example.com');
    expect(counter).toMatch(/^user-login:[0-9a-f]{64}$/);
    expect(accountCounter('user', undefined, '  NoBody@Example.COM ')).toBe(counter);
    expect(accountCounter('user', undefined, 'nobody-else@example.com')).not.toBe(counter);
  });

  it('keeps the two sides apart: an unknown back-office login is not an unknown customer login', () => {
    expect(accountCounter('customer', undefined, 'nobody@example.com')).not.toBe(accountCounter('user', undefined, 'nobody@example.com'));
    expect(accountCounter('customer', undefined, 'nobody@example.com')).toMatch(/^customer-login:[0-9a-f]{64}$/);
  });

  it('never stores the login as typed: people type passwords into it', () => {
    expect(accountCounter('user', undefined, 'correct horse battery staple')).not.toContain('horse');
  });

  it('fits the subject column even for the longest login', () => {
    expect(accountCounter('customer', undefined, 'x'.repeat(255)).length).toBeLessThanOrEqual(255);
  });
});
