import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'keyhouse_session';

/** Hands the browser a console session, however it signed in (password or single sign-on). */
export function setSessionCookie(reply: FastifyReply, session: { token: string; expiresAt: Date }, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: session.expiresAt });
}
