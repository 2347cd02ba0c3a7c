import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { SessionDto } from '@keyhouse/shared-contracts';
import type { FastifyReply } from 'fastify';
import { SessionAnswer } from '../answers';
import { toMeDto } from '../dto';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity-options';
import { SESSION_COOKIE, setSessionCookie } from './session-cookie';
import { ClientAddress, Public } from '@keyhouse/api-platform';
import { CurrentPrincipal } from './decorators';
import type { BackOfficePrincipal } from './principal';
import { JsonCredentialsGuard } from './json-credentials.guard';
import { SessionService } from './session.service';
import { SignInBody } from './sign-in.body';

@Controller('admin/api/session')
export class SessionController {
  constructor(
    private readonly sessions: SessionService,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  @Public()
  @Post()
  @HttpCode(200)
  @UseGuards(JsonCredentialsGuard)
  @ApiOkResponse({ type: SessionAnswer, description: 'Signed in: the session cookie is set.' })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password, or a disabled user.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The credentials are not `application/json` (which a cross-site form cannot send).' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed sign-ins for this account or from this address.',
    headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } },
  })
  async signIn(@Body() { username, password }: SignInBody, @ClientAddress() ip: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionDto> {
    const { token, principal, expiresAt } = await this.sessions.signIn(username, password, ip);
    setSessionCookie(reply, { token, expiresAt }, this.options.session.secureCookie);
    return { user: toMeDto(principal), csrfToken: principal.session.csrfToken };
  }

  @Get()
  @ApiCookieAuth('session')
  @ApiOkResponse({ type: SessionAnswer })
  @ApiUnauthorizedResponse({ description: 'Not signed in, or a Bearer token: it is no console session.' })
  current(@CurrentPrincipal() principal: BackOfficePrincipal): SessionDto {
    // A Bearer token is not a console session: it has no CSRF token to hand out.
    if (!principal.session) throw new UnauthorizedException({ message: 'No console session: sign in with POST /admin/api/session.' });
    return { user: toMeDto(principal), csrfToken: principal.session.csrfToken };
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out: the session ends and its cookie is cleared.' })
  async signOut(@CurrentPrincipal() principal: BackOfficePrincipal, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (principal.session) await this.sessions.signOut(principal.session.tokenDigest);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
