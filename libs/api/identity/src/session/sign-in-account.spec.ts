import { accountCounter } from './sign-in-account';

const HERE = '203.0.113.1';
const account = (counter: string) => counter.split(' from ')[0];

describe('accountCounter', () => {
  it('names an account by its id, whatever login was typed', () => {
    expect(account(accountCounter('user', 7, 'admin', HERE))).toBe('user:7');
    expect(accountCounter('user', 7, 'Admin@Example.com', HERE)).toBe(accountCounter('user', 7, 'admin', HERE));
    expect(account(accountCounter('customer', 7, 'shopper@example.com', HERE))).toBe('customer:7');
  });

  it('keeps a count per client address, so that failures from elsewhere never refuse the owner', () => {
    expect(accountCounter('user', 7, 'admin', '198.51.100.4')).not.toBe(accountCounter('user', 7, 'admin', HERE));
    expect(accountCounter('user', 7, 'admin', HERE)).toMatch(/^user:7 from [0-9a-f]{64}$/);
  });

  it('counts a login that names no account under the login itself, in any case and spacing', () => {
    const counter = accountCounter('user', undefined, 'nobody@example.com', HERE);
    expect(counter).toMatch(/^user-login:[0-9a-f]{64} from [0-9a-f]{64}$/);
    expect(accountCounter('user', undefined, '  NoBody@Example.COM ', HERE)).toBe(counter);
    expect(accountCounter('user', undefined, 'nobody-else@example.com', HERE)).not.toBe(counter);
  });

  it('keeps the two sides apart: an unknown back-office login is not an unknown customer login', () => {
    expect(accountCounter('customer', undefined, 'nobody@example.com', HERE)).not.toBe(accountCounter('user', undefined, 'nobody@example.com', HERE));
    expect(accountCounter('customer', undefined, 'nobody@example.com', HERE)).toMatch(/^customer-login:[0-9a-f]{64} /);
  });

  it('never stores the login as typed: people type passwords into it', () => {
    expect(accountCounter('user', undefined, 'correct horse battery staple', HERE)).not.toContain('horse');
  });

  it('fits the subject column even for the longest login and address', () => {
    expect(accountCounter('customer', undefined, 'x'.repeat(255), 'f'.repeat(45)).length).toBeLessThanOrEqual(255);
  });
});
