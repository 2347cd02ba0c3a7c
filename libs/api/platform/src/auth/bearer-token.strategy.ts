import passport from 'passport';
import type { FastifyRequest } from 'fastify';

/** Decides what a token is worth: the user it stands for, or nothing when it is refused. */
export type BearerVerify = (token: string, done: (error: unknown, user?: object | null) => void) => void;

/** All the strategy reads of a request, whichever framework's it is. */
type RequestHeaders = Pick<FastifyRequest, 'headers'>;

// RFC 6750 3 and 3.1: a request without credentials is asked for them; a refused token is named as such.
const ASK_FOR_TOKEN = 'Bearer realm="keyhouse"';
const INVALID_TOKEN = 'Bearer error="invalid_token"';

/** RFC 6750 2.1: the token of an `Authorization: Bearer` header ('' when it is empty); undefined for any other header or none. */
export function bearerTokenOf(request: RequestHeaders): string | undefined {
  const authorization = request.headers.authorization;
  return authorization !== undefined && /^bearer /i.test(authorization) ? authorization.slice(7).trim() : undefined;
}

/**
 * RFC 6750's header as a Passport strategy. A refusal carries the `WWW-Authenticate` challenge
 * for the guard to send: the bare challenge when no credentials came, `invalid_token` when the
 * token was refused or the credentials were of another kind.
 */
export class BearerTokenStrategy extends passport.Strategy {
  override name = 'bearer';

  constructor(private readonly verify: BearerVerify) {
    super();
  }

  override authenticate(request: RequestHeaders): void {
    if (request.headers.authorization === undefined) return this.fail(ASK_FOR_TOKEN, 401);
    const token = bearerTokenOf(request);
    if (!token) return this.fail(INVALID_TOKEN, 401);
    this.verify(token, (error, user) => {
      if (error) this.error(error);
      else if (user) this.success(user);
      else this.fail(INVALID_TOKEN, 401);
    });
  }
}
