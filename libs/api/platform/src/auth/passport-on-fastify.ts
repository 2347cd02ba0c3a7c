import passport, { type Strategy } from 'passport';
import type { FastifyRequest } from 'fastify';

/** What a Passport strategy decided about one request. */
export type PassportOutcome<User> =
  | { kind: 'success'; user: User }
  | { kind: 'fail'; challenge: unknown; status?: number }
  | { kind: 'redirect'; location: string; status: number };

/**
 * Runs one Passport strategy on a Fastify request and answers what it decided, for a Nest guard
 * or service to act on.
 *
 * Passport is written for Node's response: a strategy that redirects (an OAuth 2.0 client) sets
 * `statusCode`, calls `setHeader` and `end`, and never calls back, which a FastifyReply cannot
 * take and a caller awaiting the strategy would wait on forever. The strategy gets a stand-in
 * response instead, and its redirect comes back as a value, sent through Fastify by the caller.
 *
 * `options` go to the strategy's `authenticate` as Passport's do. The strategy is the instance
 * this application built, never a name: Passport's registry of
 * names is process-wide, and one process may run several applications (the tests do).
 */
export function authenticate<User>(strategy: Strategy, request: FastifyRequest, options: object = {}): Promise<PassportOutcome<User>> {
  return new Promise((resolve, reject) => {
    const redirect = { location: '', status: 302 };
    const response = {
      set statusCode(status: number) {
        redirect.status = status;
      },
      setHeader(name: string, value: string) {
        if (name.toLowerCase() === 'location') redirect.location = value;
      },
      end: () => resolve({ kind: 'redirect', ...redirect }),
    };
    const decided = (error: unknown, user?: unknown, challenge?: unknown, status?: unknown) => {
      if (error) reject(error);
      else if (user) resolve({ kind: 'success', user: user as User });
      else resolve({ kind: 'fail', challenge, ...(typeof status === 'number' ? { status } : {}) });
    };
    // Called only when a strategy passes without deciding, which none of ours does.
    const next = (error?: unknown) => reject(error ?? new Error(`The ${strategy.name ?? 'Passport'} strategy neither accepted nor refused the request.`));
    // Passport gives a strategy it is handed (not named) this request's success/fail/redirect as
    // the strategy's own properties: on the shared instance, concurrent requests would overwrite
    // each other's and all but the last would wait forever. Each request gets its own heir.
    passport.authenticate(Object.create(strategy) as Strategy, options, decided)(request, response, next);
  });
}

/** The challenge a refusal carries for `WWW-Authenticate`, when the strategy gave one. */
export function challengeOf(outcome: PassportOutcome<unknown>): string | undefined {
  return outcome.kind === 'fail' && typeof outcome.challenge === 'string' ? outcome.challenge : undefined;
}
