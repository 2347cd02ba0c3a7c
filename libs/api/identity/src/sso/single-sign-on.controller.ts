import { Controller, Get, Inject, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiFoundResponse, ApiNotFoundResponse, ApiOkResponse } from '@nestjs/swagger';
import type { SignInProviderDto } from '@keyhouse/shared-contracts';
import { ClientAddress, Public } from '@keyhouse/api-platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SignInProviderAnswer } from '../answers';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity-options';
import { setSessionCookie } from '../session/session-cookie';
import type { BackOfficeAccount } from '../session/sign-in-accounts';
import { SingleSignOn } from './single-sign-on.service';
import { SsoAccount, SsoCallbackGuard, SsoRefusalFilter } from './sso-callback.guard';
import { clearSsoBrowserCookie, setSsoBrowserCookie } from './sso-cookie';

/** Where a console session begins. */
const CONSOLE_PATH = '/admin/';

const LOCATION = { Location: { description: 'Where the browser goes next.', schema: { type: 'string' } } };
const NOT_CONFIGURED = 'Single sign-on is not configured (no `SSO_*` settings).';

/** Console single sign-on: the sign-in page's other ways in, the redirect to the provider, and its way back. */
@Public()
@Controller('admin/api/session')
export class SingleSignOnController {
  constructor(
    private readonly sso: SingleSignOn,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  @Get('providers')
  @ApiOkResponse({ type: [SignInProviderAnswer], description: 'The ways to sign in besides a password; empty without single sign-on.' })
  providers(): SignInProviderDto[] {
    return this.sso.providers();
  }

  @Get('sso')
  @UseFilters(SsoRefusalFilter)
  @ApiFoundResponse({
    description:
      'To the provider, with `state` and a PKCE S256 challenge bound to this browser (a cookie). Refused, when as many sign-ins from this address wait for the provider as `SIGN_IN_MAX_FAILURES_PER_IP` allows: to the sign-in page with `?sso_error=busy`.',
    headers: LOCATION,
  })
  @ApiNotFoundResponse({ description: NOT_CONFIGURED })
  async start(@Req() request: FastifyRequest, @ClientAddress() ip: string, @Res() reply: FastifyReply): Promise<void> {
    const { location, browserKey } = await this.sso.start(request, ip);
    setSsoBrowserCookie(reply, browserKey, this.options.session.secureCookie);
    await reply.header('Cache-Control', 'no-store').redirect(location, 302);
  }

  @Get('sso/callback')
  @UseGuards(SsoCallbackGuard)
  @UseFilters(SsoRefusalFilter)
  @ApiFoundResponse({
    description: 'Signed in: to the console, with the session cookie set. Refused: to the sign-in page, with `?sso_error=` saying why.',
    headers: LOCATION,
  })
  @ApiNotFoundResponse({ description: NOT_CONFIGURED })
  async callback(@SsoAccount() account: BackOfficeAccount, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.sso.openSession(account);
    clearSsoBrowserCookie(reply);
    setSessionCookie(reply, session, this.options.session.secureCookie);
    await reply.header('Cache-Control', 'no-store').redirect(CONSOLE_PATH, 302);
  }
}
