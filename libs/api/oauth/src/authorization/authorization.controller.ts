import { Body, Controller, Get, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { IDENTITY_OPTIONS, type IdentityOptions } from '@keyhouse/api-identity';
import { ClientAddress, Public } from '@keyhouse/api-platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthorizationFlow, type FlowAnswer } from './authorization-flow';
import { AuthorizationErrorRedirect, AuthorizationPageError } from './authorization-request';
import { AppStart } from './app-start';
import { errorPage, STYLESHEET_HASH } from './pages';
import { SIGN_IN_CSRF_COOKIE, SignInPages } from './sign-in-pages';

// No script, one known stylesheet, never framed (a framed consent page can be clickjacked).
const PAGE_HEADERS = {
  'Content-Security-Policy': `default-src 'none'; style-src ${STYLESHEET_HASH}; base-uri 'none'; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  Pragma: 'no-cache',
};

/**
 * The browser side of the authorization server: `/oauth2-token/authorize` (RFC 6749 4.1), its
 * sign-in page, and the app store's `/oauth/start`. Every answer is a page or a 303.
 *
 * Its form posts are the documented exception to the API's DTO bodies: they are protocol
 * requests, read with the protocol's parameter rules (one string per parameter, a repeat refused:
 * RFC 6749 3.1), and a problem in one is an error page or a redirect to the client (4.1.2.1), never
 * the back-office API's 400 JSON.
 */
@Public()
@Controller()
export class AuthorizationController {
  constructor(
    private readonly flow: AuthorizationFlow,
    private readonly signInPages: SignInPages,
    private readonly appStart: AppStart,
    @Inject(IDENTITY_OPTIONS) private readonly identity: IdentityOptions,
  ) {}

  @Get('oauth2-token/authorize')
  authorize(@Query() query: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.answer(reply, () => this.flow.authorize(query, request.cookies, request.url));
  }

  @Post('oauth2-token/authorize')
  decide(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.answer(reply, () => this.flow.decide(body, request.cookies));
  }

  @Get('oauth2-token/sign-in')
  signInPage(@Query() query: unknown, @Res() reply: FastifyReply): Promise<void> {
    return this.answer(reply, async () => {
      const { answer, csrfCookie } = this.signInPages.show(query);
      this.setSignInCsrfCookie(reply, csrfCookie);
      return answer;
    });
  }

  @Post('oauth2-token/sign-in')
  signIn(@Body() body: unknown, @Req() request: FastifyRequest, @ClientAddress() ip: string, @Res() reply: FastifyReply): Promise<void> {
    return this.answer(reply, async () => {
      const result = await this.signInPages.submit(body, request.cookies, ip);
      if (result.session) {
        reply.setCookie(result.session.cookie, result.session.token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: this.identity.session.secureCookie,
          path: '/',
          expires: result.session.expiresAt,
        });
      }
      if (result.csrfCookie) this.setSignInCsrfCookie(reply, result.csrfCookie);
      if (result.retryAfterSeconds !== undefined) reply.header('Retry-After', String(result.retryAfterSeconds));
      return result.answer;
    });
  }

  @Post('oauth2-token/sign-out')
  signOut(@Body() body: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.answer(reply, async () => {
      const { answer, clearCookie } = await this.signInPages.signOut(body, request.cookies);
      if (clearCookie) reply.clearCookie(clearCookie, { path: '/' });
      return answer;
    });
  }

  @Get('oauth/start')
  start(@Query() query: unknown, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.answer(reply, () => this.appStart.start(query, request.cookies, request.url));
  }

  private async answer(reply: FastifyReply, produce: () => Promise<FlowAnswer>): Promise<void> {
    let answer: FlowAnswer;
    try {
      answer = await produce();
    } catch (error) {
      if (error instanceof AuthorizationErrorRedirect) answer = this.flow.errorRedirect(error);
      else if (error instanceof AuthorizationPageError) answer = { kind: 'page', status: error.status, html: errorPage(error.title, error.message) };
      else throw error;
    }
    reply.headers(PAGE_HEADERS);
    if (answer.kind === 'page') {
      await reply.status(answer.status).type('text/html; charset=utf-8').send(answer.html);
      return;
    }
    const location = answer.kind === 'redirect' ? answer.location : signInUrl(answer);
    await reply.status(303).header('Location', location).send();
  }

  /** Login CSRF: the form's token must match this cookie, which a cross-site page cannot read or set. */
  private setSignInCsrfCookie(reply: FastifyReply, value: string): void {
    reply.setCookie(SIGN_IN_CSRF_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure: this.identity.session.secureCookie, path: '/oauth2-token' });
  }
}

function signInUrl({ audience, returnTo, loginHint }: Extract<FlowAnswer, { kind: 'sign-in' }>): string {
  const query = new URLSearchParams({ audience, return_to: returnTo, ...(loginHint !== undefined ? { login_hint: loginHint } : {}) });
  return `/oauth2-token/sign-in?${query.toString()}`;
}
