import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, NotFoundException, Optional } from '@nestjs/common';
import type { SignInProviderDto } from '@keyhouse/shared-contracts';
import { authenticate, currentClientAddress, isEmailAddress } from '@keyhouse/api-platform';
import type { FastifyRequest } from 'fastify';
import { AuthorizationError, InternalOAuthError, TokenError } from 'passport-oauth2';
import { IDENTITY_OPTIONS, type IdentityOptions, type SingleSignOnOptions } from '../identity-options';
import { SessionService, type SignedIn } from '../session/session.service';
import { SignInAccounts, type BackOfficeAccount } from '../session/sign-in-accounts';
import { InvalidCredentialsException, SignInPipeline, type SignInDoor } from '../session/sign-in-pipeline';
import { sha256, SsoStateStore, STATE_REFUSED } from './sso-state-store';
import { SsoStrategy, UserinfoError, type ProviderIdentity } from './sso.strategy';

export const SSO_START_PATH = '/admin/api/session/sso';

/**
 * Why a single sign-on ended without a session, as the sign-in page is told (`?sso_error=`) and
 * the audit trail records it; `busy`: too many sign-ins from one address wait for the provider,
 * refused at the start, before anyone is known.
 */
export type SsoRefusal = 'denied' | 'expired' | 'failed' | 'no_email' | 'unverified' | 'no_account' | 'busy';

export class SsoRefusedException extends Error {
  constructor(readonly refusal: SsoRefusal) {
    super(`Single sign-on refused: ${refusal}`);
  }
}

/**
 * Console single sign-on: the redirect to the provider, and the callback's rules. The provider
 * vouches for an email address; the enabled back-office user with that address (in any letter
 * case) gets a console session like a password's. Every attempt is audited like a sign-in.
 */
@Injectable()
export class SingleSignOn {
  private readonly logger = new Logger('SingleSignOn');

  constructor(
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    private readonly signIns: SignInPipeline,
    private readonly accounts: SignInAccounts,
    private readonly sessions: SessionService,
    private readonly states: SsoStateStore,
    // Provided only when SSO_* is configured.
    @Optional() private readonly strategy?: SsoStrategy,
  ) {}

  providers(): SignInProviderDto[] {
    return this.options.sso ? [{ id: 'sso', name: this.options.sso.name, url: SSO_START_PATH }] : [];
  }

  /**
   * Where to send the browser, and the key it must bring back to the callback. An address with as
   * many sign-ins waiting for the provider as it may have failed password sign-ins
   * (SIGN_IN_MAX_FAILURES_PER_IP) is refused until some finish or expire.
   */
  async start(request: FastifyRequest, ip: string): Promise<{ location: string; browserKey: string }> {
    const { strategy, sso } = this.configured();
    if (!(await this.states.mayStart(ip, this.options.signInThrottle.maxFailuresPerIp))) {
      this.logger.warn(`single sign-on with ${sso.name} refused to ${ip}: too many sign-ins from there wait for the provider`);
      throw new SsoRefusedException('busy');
    }
    const browserKey = randomBytes(32).toString('base64url');
    const outcome = await authenticate(strategy, request, { state: { browserDigest: sha256(browserKey), ip } });
    if (outcome.kind !== 'redirect') throw new Error(`The single sign-on strategy answered the start with "${outcome.kind}", not a redirect.`);
    return { location: outcome.location, browserKey };
  }

  /** The account the provider's callback signs in; any other outcome is audited and thrown as SsoRefusedException. */
  async finish(request: FastifyRequest): Promise<BackOfficeAccount> {
    const { strategy, sso } = this.configured();
    const door = this.doorOf(sso);
    const outcome = await authenticate<ProviderIdentity>(strategy, request).catch((error: unknown) => ({ kind: 'error' as const, error }));
    if (outcome.kind === 'error') {
      // An error the provider sent back (other than access_denied), or a failed code exchange or userinfo.
      if (outcome.error instanceof AuthorizationError) return this.refuse(door, 'denied');
      this.logger.warn(`single sign-on with ${sso.name} failed: ${failureOf(outcome.error)}`);
      return this.refuse(door, 'failed');
    }
    // A state this browser may not use, or access_denied; a redirect: neither a code nor an error came back.
    if (outcome.kind === 'fail') return this.refuse(door, outcome.challenge === STATE_REFUSED ? 'expired' : 'denied');
    if (outcome.kind === 'redirect') return this.refuse(door, 'denied');

    const claims = (typeof outcome.user.claims === 'object' && outcome.user.claims !== null ? outcome.user.claims : {}) as Record<string, unknown>;
    const email = claims[sso.emailField];
    if (!isEmailAddress(email)) return this.refuse(door, 'no_email');
    // OpenID Connect Core 5.1: email_verified speaks of the `email` claim; some providers send it as a string.
    const verified = claims['email_verified'];
    if (sso.emailField === 'email' && verified !== undefined && verified !== true && verified !== 'true') return this.refuse(door, 'unverified', email);
    try {
      return await this.signIns.vouchedFor(door, email, currentClientAddress());
    } catch (error) {
      if (error instanceof InvalidCredentialsException) throw new SsoRefusedException('no_account');
      throw error;
    }
  }

  /** A console session for the account the callback signed in. */
  openSession(account: BackOfficeAccount): Promise<SignedIn> {
    return this.sessions.open(account.user);
  }

  private configured(): { strategy: SsoStrategy; sso: SingleSignOnOptions } {
    const { sso } = this.options;
    if (!this.strategy || !sso) throw new NotFoundException({ message: 'Single sign-on is not configured.' });
    return { strategy: this.strategy, sso };
  }

  private doorOf(sso: SingleSignOnOptions): SignInDoor<BackOfficeAccount> {
    return { kind: 'user', audit: 'sso', find: (email) => this.accounts.userByEmail(email), context: { after: { provider: sso.name } } };
  }

  private async refuse(door: SignInDoor<BackOfficeAccount>, refusal: SsoRefusal, login?: string): Promise<never> {
    await this.signIns.refused(door, refusal, login);
    throw new SsoRefusedException(refusal);
  }
}

/** What went wrong with the provider, for the operator's log: error codes and statuses, never a body, code or token. */
function failureOf(error: unknown): string {
  if (error instanceof TokenError) return `the token endpoint refused the code (${error.code})`;
  if (error instanceof InternalOAuthError) {
    const status = (error.oauthError as { statusCode?: number } | undefined)?.statusCode;
    return status ? `the token endpoint answered ${status}` : 'the token endpoint could not be reached';
  }
  if (error instanceof UserinfoError) return error.message;
  return error instanceof Error ? error.name : 'unknown error';
}
