import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { csrfTokenMatches, INVALID_CREDENTIALS, InvalidCredentialsException, MAX_LOGIN_LENGTH, SESSION_COOKIE, SessionService, STOREFRONT_SESSION_COOKIE, StorefrontSessionService } from '@keyhouse/api-identity';
import { fieldsOf, RetryLaterException } from '@keyhouse/api-platform';
import type { FlowAnswer } from './authorization-flow';
import { AuthorizationPageError } from './authorization-request';
import { signInPage } from './pages';
import { Visitors, type Cookies } from './visitors';

type Audience = 'back-office' | 'storefront';

export interface SignInResult {
  answer: FlowAnswer;
  session?: { cookie: string; token: string; expiresAt: Date };
  csrfCookie?: string;
  retryAfterSeconds?: number;
}

/** Login CSRF: set with the page, compared with the form's field. */
export const SIGN_IN_CSRF_COOKIE = 'keyhouse_sign_in_csrf';

const MAX_FIELD_LENGTH = 1024;
// Only ever back into the flow, on this server: never an open redirect.
const RETURN_PATHS = ['/oauth2-token/authorize?', '/oauth/start?'];

/** The sign-in page of the authorization flow: back-office users get a console session, customer users a storefront one. */
@Injectable()
export class SignInPages {
  constructor(
    private readonly consoleSessions: SessionService,
    private readonly storefrontSessions: StorefrontSessionService,
    private readonly visitors: Visitors,
  ) {}

  /**
   * "Not you? Use another account" on the consent page: ends the session on that side (a form
   * with the session's CSRF token, so no other site can sign anyone out) and shows the sign-in.
   */
  async signOut(body: unknown, cookies: Cookies): Promise<{ answer: FlowAnswer; clearCookie?: string }> {
    const fields = fieldsOf(body);
    const returnTo = readReturnTo(fields['return_to']);
    const audience = readAudience(fields['audience']);
    const clearCookie = await this.visitors.signOut(cookies, audience === 'storefront', fields['csrf_token']);
    return { answer: { kind: 'sign-in', audience, returnTo }, ...(clearCookie ? { clearCookie } : {}) };
  }

  show(query: unknown): { answer: FlowAnswer; csrfCookie: string } {
    const fields = fieldsOf(query);
    const returnTo = readReturnTo(fields['return_to']);
    const csrfToken = randomBytes(32).toString('base64url');
    // OpenID Connect's login_hint (Core 3.1.2.1): the account the client expects, filled in.
    const username = typeof fields['login_hint'] === 'string' ? fields['login_hint'].slice(0, MAX_LOGIN_LENGTH) : undefined;
    return { answer: page(200, { audience: readAudience(fields['audience']), returnTo, csrfToken, username }), csrfCookie: csrfToken };
  }

  async submit(body: unknown, cookies: Cookies, ip: string): Promise<SignInResult> {
    const fields = fieldsOf(body);
    const returnTo = readReturnTo(fields['return_to']);
    const audience = readAudience(fields['audience']);
    const csrfCookie = cookies[SIGN_IN_CSRF_COOKIE];
    if (!csrfCookie || !csrfTokenMatches(fields['csrf_token'], csrfCookie)) {
      throw new AuthorizationPageError('Please try again', 'This sign-in form has expired or was not sent from this site. Go back to the application and start again.', 403);
    }
    const username = typeof fields['username'] === 'string' ? fields['username'].slice(0, MAX_FIELD_LENGTH) : '';
    const password = typeof fields['password'] === 'string' ? fields['password'].slice(0, MAX_FIELD_LENGTH) : '';
    const again = (status: number, error: string): SignInResult => {
      const csrfToken = randomBytes(32).toString('base64url');
      return { answer: page(status, { audience, returnTo, csrfToken, username, error }), csrfCookie: csrfToken };
    };
    if (!username.trim() || !password) return again(400, 'Enter your credentials.');
    if (username.length > MAX_LOGIN_LENGTH) return again(400, `The ${audience === 'storefront' ? 'email' : 'username or email'} must be at most ${MAX_LOGIN_LENGTH} characters.`);

    try {
      const { token, expiresAt } =
        audience === 'storefront'
          ? await this.storefrontSessions.signIn(username, password, ip)
          : await this.consoleSessions.signIn(username, password, ip);
      return {
        answer: { kind: 'redirect', location: returnTo },
        session: { cookie: audience === 'storefront' ? STOREFRONT_SESSION_COOKIE : SESSION_COOKIE, token, expiresAt },
      };
    } catch (error) {
      if (error instanceof RetryLaterException) return { ...again(429, error.message), retryAfterSeconds: error.retryAfterSeconds };
      if (error instanceof InvalidCredentialsException) return again(401, INVALID_CREDENTIALS);
      throw error;
    }
  }
}

function page(status: number, options: Parameters<typeof signInPage>[0]): FlowAnswer {
  return { kind: 'page', status, html: signInPage(options) };
}

function readReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 8000 || !RETURN_PATHS.some((path) => value.startsWith(path))) {
    throw new AuthorizationPageError('Nothing to sign in for', 'Open this page from an application that asks you to sign in.');
  }
  return value;
}

function readAudience(value: unknown): Audience {
  return value === 'storefront' ? 'storefront' : 'back-office';
}
