import { Catch, createParamDecorator, Injectable, type ArgumentsHost, type CanActivate, type ExceptionFilter, type ExecutionContext } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BackOfficeAccount } from '../session/sign-in-accounts';
import { SingleSignOn, SsoRefusedException } from './single-sign-on.service';
import { clearSsoBrowserCookie } from './sso-cookie';

/** The console's sign-in page, which says in words what `?sso_error=` means. */
export const CONSOLE_SIGN_IN_PATH = '/admin/login';

declare module 'fastify' {
  interface FastifyRequest {
    /** The back-office account a single sign-on callback signed in, set by SsoCallbackGuard. */
    ssoAccount?: BackOfficeAccount;
  }
}

/** Lets a provider's callback through only when the SSO strategy signed someone in. */
@Injectable()
export class SsoCallbackGuard implements CanActivate {
  constructor(private readonly sso: SingleSignOn) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    request.ssoAccount = await this.sso.finish(request);
    return true;
  }
}

export const SsoAccount = createParamDecorator((_: unknown, context: ExecutionContext): BackOfficeAccount => {
  const account = context.switchToHttp().getRequest<FastifyRequest>().ssoAccount;
  if (!account) throw new Error('SsoAccount needs SsoCallbackGuard on the route.');
  return account;
});

/** A refused single sign-on is a page, not an API error: the browser goes back to the sign-in page, which says why. */
@Catch(SsoRefusedException)
export class SsoRefusalFilter implements ExceptionFilter {
  catch(refused: SsoRefusedException, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    clearSsoBrowserCookie(reply);
    void reply.header('Cache-Control', 'no-store').redirect(`${CONSOLE_SIGN_IN_PATH}?sso_error=${refused.refusal}`, 302);
  }
}
