/** OpenID Connect Core 2: what an ID token says about the authentication. */
export const ID_TOKEN_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'azp'] as const;

/** Core 5.4: the standard claims each scope releases at the userinfo endpoint (`sub` always). */
export const SCOPE_CLAIMS = {
  profile: ['name', 'given_name', 'family_name', 'locale'],
  email: ['email', 'email_verified'],
} as const;
