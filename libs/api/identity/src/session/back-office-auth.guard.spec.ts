import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE, Reach, REQUIRED_PERMISSION } from '@keyhouse/api-platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../entities';
import { BackOfficeAuthGuard } from './back-office-auth.guard';
import { BackOfficeBearerStrategy } from './back-office-bearer.strategy';
import type { BearerAuthenticator } from './bearer-authenticator';
import { ConsoleSessionStrategy } from './console-session.strategy';
import type { BackOfficePrincipal } from './principal';
import type { SessionService } from './session.service';

const CSRF = 'c'.repeat(43);
const principal: BackOfficePrincipal = {
  userId: 1,
  user: { id: 1 } as User,
  reach: Reach.ofMemberships([{ organizationId: 1, permissions: ['users.view'] }]),
  session: { tokenDigest: 'digest', csrfToken: CSRF, signedInAt: new Date() },
};
const sessions = {
  resolve: async (token: string) => (token === 'good-cookie' ? principal : undefined),
  principalForUser: async () => principal,
} as unknown as SessionService;
// Every token is refused: the cases below are about which credential is judged, and how a refusal is answered.
const tokens: BearerAuthenticator = { backOfficeAccess: async () => undefined };

const guard = new BackOfficeAuthGuard(new Reflector(), new ConsoleSessionStrategy(sessions), new BackOfficeBearerStrategy(sessions, tokens));

function attempt(request: Partial<FastifyRequest>, metadata: Record<string, unknown> = {}) {
  const handler = () => undefined;
  for (const [key, value] of Object.entries(metadata)) Reflect.defineMetadata(key, value, handler);
  const headers: Record<string, string | undefined> = {};
  const reply = { header: (name: string, value: string) => (headers[name] = value) } as unknown as FastifyReply;
  const fullRequest = { method: 'GET', headers: {}, cookies: {}, ...request } as FastifyRequest;
  const context = {
    getHandler: () => handler,
    getClass: () => Object,
    switchToHttp: () => ({ getRequest: () => fullRequest, getResponse: () => reply }),
  } as unknown as ExecutionContext;
  return { allowed: guard.canActivate(context), request: fullRequest, headers };
}

describe('BackOfficeAuthGuard', () => {
  it('lets a public route through without credentials', async () => {
    await expect(attempt({}, { [PUBLIC_ROUTE]: true }).allowed).resolves.toBe(true);
  });

  it('signs a request in by its session cookie', async () => {
    const { allowed, request } = attempt({ cookies: { keyhouse_session: 'good-cookie' } });
    await expect(allowed).resolves.toBe(true);
    expect(request.principal).toBe(principal);
    expect(request.caller).toBe(principal);
  });

  it('refuses a request without credentials, or with an unknown cookie', async () => {
    for (const cookies of [{}, { keyhouse_session: 'stale' }]) {
      await expect(attempt({ cookies }).allowed).rejects.toEqual(new UnauthorizedException({ message: 'Authentication required.' }));
    }
  });

  it('asks an unsafe cookie request for the session\'s CSRF token', async () => {
    const cookies = { keyhouse_session: 'good-cookie' };
    await expect(attempt({ method: 'POST', cookies }).allowed).rejects.toBeInstanceOf(ForbiddenException);
    await expect(attempt({ method: 'POST', cookies, headers: { 'x-csrf-token': 'x'.repeat(43) } }).allowed).rejects.toBeInstanceOf(ForbiddenException);
    await expect(attempt({ method: 'POST', cookies, headers: { 'x-csrf-token': CSRF } }).allowed).resolves.toBe(true);
  });

  it('judges a request with a Bearer token by the token alone, never by a cookie that came with it', async () => {
    const { allowed, headers } = attempt({ cookies: { keyhouse_session: 'good-cookie' }, headers: { authorization: 'Bearer refused-token' } });
    await expect(allowed).rejects.toEqual(new UnauthorizedException({ message: 'The access token is invalid, expired or revoked.' }));
    expect(headers).toEqual({ 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  });

  it('checks the route\'s permission against the caller\'s reach', async () => {
    const cookies = { keyhouse_session: 'good-cookie' };
    await expect(attempt({ cookies }, { [REQUIRED_PERMISSION]: 'users.view' }).allowed).resolves.toBe(true);
    await expect(attempt({ cookies }, { [REQUIRED_PERMISSION]: 'users.edit' }).allowed).rejects.toEqual(
      new ForbiddenException({ message: 'You need the "users.edit" permission for this.' }),
    );
  });
});
