import { permissionsAllowed } from './permissions';

describe('permissionsAllowed', () => {
  it('limits a token to what its scopes grant once the token or its application has scopes', () => {
    expect(permissionsAllowed(['users:read'], ['users:read', 'audit:read'])).toEqual(new Set(['users.view']));
    expect(permissionsAllowed([], ['users:read'])).toEqual(new Set());
  });

  it('sets no limit when neither has any scope (Oro)', () => {
    expect(permissionsAllowed([], [])).toBeUndefined();
  });

  it('counts OpenID Connect scopes for neither granting nor limiting', () => {
    expect(permissionsAllowed(['openid', 'profile', 'email'], [])).toBeUndefined();
    expect(permissionsAllowed(['openid'], ['openid', 'email'])).toBeUndefined();
    expect(permissionsAllowed(['openid'], ['users:read'])).toEqual(new Set());
    expect(permissionsAllowed(['openid', 'users:read'], ['users:read'])).toEqual(new Set(['users.view']));
  });
});
