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
}

export interface SignInThrottleLimits {
  /** Failed sign-ins allowed per username within the window before even the right password is refused. */
  maxFailuresPerUser: number;
  /** Failed sign-ins allowed per client IP within the window. */
  maxFailuresPerIp: number;
  windowSeconds: number;
}

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');
