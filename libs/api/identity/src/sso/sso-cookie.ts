import type { FastifyReply } from 'fastify';

/**
 * Binds a redirect to the provider to the browser it was sent to: the callback must come back
 * with it. Only the paths of single sign-on see it; Lax, so the provider's redirect back brings it.
 */
export const SSO_BROWSER_COOKIE = 'keyhouse_sso';
const COOKIE_PATH = '/admin/api/session/sso';
const COOKIE_SECONDS = 10 * 60;

export function setSsoBrowserCookie(reply: FastifyReply, browserKey: string, secure: boolean): void {
  reply.setCookie(SSO_BROWSER_COOKIE, browserKey, { httpOnly: true, sameSite: 'lax', secure, path: COOKIE_PATH, maxAge: COOKIE_SECONDS });
}

export function clearSsoBrowserCookie(reply: FastifyReply): void {
  reply.clearCookie(SSO_BROWSER_COOKIE, { path: COOKIE_PATH });
}
