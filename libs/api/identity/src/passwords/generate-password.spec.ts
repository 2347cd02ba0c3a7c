import { generatePassword } from './generate-password';

describe('generatePassword', () => {
  it('makes long passwords of unambiguous letters and digits', () => {
    const password = generatePassword();
    expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{24}$/);
  });

  it('never repeats itself', () => {
    const passwords = new Set(Array.from({ length: 1000 }, () => generatePassword()));
    expect(passwords.size).toBe(1000);
  });
});
