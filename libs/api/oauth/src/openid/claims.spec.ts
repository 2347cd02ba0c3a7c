import { userInfoClaims } from './claims';

const ada = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', locale: 'en' };

describe('userInfoClaims (OpenID Connect Core 5.3.2, 5.4)', () => {
  it('answers sub alone for openid', () => {
    expect(userInfoClaims('user:1', ada, ['openid'])).toEqual({ sub: 'user:1' });
  });

  it('adds the profile claims for profile and the email claims for email', () => {
    expect(userInfoClaims('user:1', ada, ['openid', 'profile'])).toEqual({ sub: 'user:1', name: 'Ada Lovelace', given_name: 'Ada', family_name: 'Lovelace', locale: 'en' });
    expect(userInfoClaims('user:1', ada, ['openid', 'email'])).toEqual({ sub: 'user:1', email: 'ada@example.com', email_verified: false });
  });

  it('leaves out empty names rather than sending them empty (5.3.2)', () => {
    expect(userInfoClaims('customer:2', { ...ada, firstName: '', lastName: '' }, ['openid', 'profile'])).toEqual({ sub: 'customer:2', locale: 'en' });
    expect(userInfoClaims('customer:2', { ...ada, lastName: '' }, ['openid', 'profile'])).toMatchObject({ name: 'Ada', given_name: 'Ada' });
  });

  it('gives the locale as a BCP 47 tag (5.1)', () => {
    expect(userInfoClaims('user:1', { ...ada, locale: 'pt_BR' }, ['openid', 'profile'])['locale']).toBe('pt-BR');
  });
});
