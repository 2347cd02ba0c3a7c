/** OpenID Connect Core 2: what an ID token says about the authentication. */
export const ID_TOKEN_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'iat', 'auth_time', 'nonce', 'azp'] as const;

/** Core 5.4: the standard claims each scope releases at the userinfo endpoint (`sub` always). */
export const SCOPE_CLAIMS = {
  profile: ['name', 'given_name', 'family_name', 'locale'],
  email: ['email', 'email_verified'],
} as const;

/** What the userinfo endpoint knows of a back-office user or a customer user. */
export interface Person {
  firstName: string;
  lastName: string;
  email: string;
  locale: string;
}

export type UserInfo = { sub: string } & Record<string, string | boolean>;

/**
 * Core 5.3.2: `sub` and the claims the granted scopes allow. An empty claim is left out rather
 * than sent empty. Keyhouse never verifies an address (nobody confirms it by mail), so
 * `email_verified` is false (5.1).
 */
export function userInfoClaims(sub: string, person: Person, scopes: readonly string[]): UserInfo {
  const fullName = `${person.firstName} ${person.lastName}`.trim();
  const claims: UserInfo = { sub };
  if (scopes.includes('profile')) {
    Object.assign(claims, nonEmpty({ name: fullName, given_name: person.firstName, family_name: person.lastName, locale: languageTag(person.locale) }));
  }
  if (scopes.includes('email')) Object.assign(claims, { email: person.email, email_verified: false });
  return claims;
}

const nonEmpty = (claims: Record<string, string>) => Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== ''));

/** Core 5.1 wants a BCP 47 tag (`pt-BR`); locales are stored as typed, maybe `pt_BR`. */
const languageTag = (locale: string) => locale.replace('_', '-');
