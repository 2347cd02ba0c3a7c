/** What the identity library needs from the application's configuration. */
export interface IdentityOptions {
  session: {
    ttlSeconds: number;
    /** Send the cookie with `Secure`: the console is served over https. */
    secureCookie: boolean;
  };
  signInThrottle: SignInThrottleLimits;
  firstAdmin: {
    username: string;
    email: string;
    /** Unset: a strong one is generated and printed once. */
    password?: string;
  };
  /** Console single sign-on (`SSO_*`); unset: passwords only. */
  sso?: SingleSignOnOptions;
}

/** An upstream OAuth 2.0 provider the console's users may sign in with (authorization code, PKCE S256). */
export interface SingleSignOnOptions {
  /** The provider as the sign-in page's button names it ("Sign in with <name>"). */
  name: string;
  authorizationUrl: string;
  tokenUrl: string;
  userinfoUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated; unset: the provider's default scope. */
  scope?: string;
  /** The userinfo member that holds the user's email address. */
  emailField: string;
  /** `$ISSUER/admin/api/session/sso/callback`: the redirect URI registered at the provider. */
  callbackUrl: string;
}

export interface SignInThrottleLimits {
  /** Failed sign-ins allowed per username within the window before even the right password is refused. */
  maxFailuresPerUser: number;
  /** Failed sign-ins allowed per client IP within the window. */
  maxFailuresPerIp: number;
  windowSeconds: number;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
