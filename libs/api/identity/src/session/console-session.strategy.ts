import { ForbiddenException, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import passport from 'passport';
import type { BackOfficePrincipal } from './principal';
import { SESSION_COOKIE } from './session-cookie';
import { csrfTokenMatches, SessionService } from './session.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** All the strategy reads of a request. */
type SessionRequest = Pick<FastifyRequest, 'cookies' | 'method' | 'headers'>;

type SessionVerify = (request: SessionRequest, token: string, done: (error: unknown, principal?: BackOfficePrincipal | null) => void) => void;

/** Passport's side of the console cookie: finds the token, leaves what it is worth to `verify`. */
class SessionCookieStrategy extends passport.Strategy {
  override name = 'console-session';

  constructor(private readonly verify: SessionVerify) {
    super();
  }

  override authenticate(request: SessionRequest): void {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token) return this.fail(401);
    this.verify(request, token, (error, principal) => {
      if (error) this.error(error);
      else if (principal) this.success(principal);
      else this.fail(401);
    });
  }
}

/**
 * The console's session cookie. An unsafe request made with it must echo the session's CSRF
 * token in `X-CSRF-Token`: SameSite=Lax alone still lets same-site pages and older browsers
 * through.
 */
@Injectable()
export class ConsoleSessionStrategy extends PassportStrategy(SessionCookieStrategy, 'console-session') {
  constructor(private readonly sessions: SessionService) {
    super();
  }

  async validate(request: SessionRequest, token: string): Promise<BackOfficePrincipal | null> {
    const principal = await this.sessions.resolve(token);
    if (!principal?.session) return null;
    if (!SAFE_METHODS.has(request.method) && !csrfTokenMatches(request.headers['x-csrf-token'], principal.session.csrfToken)) {
      throw new ForbiddenException({ message: 'Missing or invalid CSRF token (send it in the X-CSRF-Token header).' });
    }
    return principal;
  }
}
