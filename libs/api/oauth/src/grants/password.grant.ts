import { Inject, Injectable } from '@nestjs/common';
import type { ProtocolClient } from '../clients/protocol-client';
import { MAX_LOGIN_LENGTH, PasswordHasher, SignInThrottle, type AccountKind, type SignInReservation } from '@keyhouse/api-identity';
import { AuditTrail, RetryLaterException } from '@keyhouse/api-platform';
import { DataSource } from 'typeorm';
import { InvalidGrantError, InvalidRequestError, TemporarilyUnavailableError } from '../errors/oauth-errors';
import { required } from '../http/token-parameters';
import { OAUTH_OPTIONS, type OAuthOptions } from '../oauth-options';
import { Subjects, subjectTypeOf, type SignInSubject } from '../subjects';
import { AccessTokens } from '../tokens/access-tokens';
import { RefreshTokens } from '../tokens/refresh-tokens';
import type { Grant, GrantRequest, TokenResponse } from './grant';

const BAD_CREDENTIALS = 'Invalid username or password.';

/**
 * RFC 6749 4.3, for trusted first-party clients: back-office applications sign in back-office
 * users, storefront applications customer users. Unknown user and wrong password are one answer
 * after the same work, and attempts are throttled per account and per client and IP.
 */
@Injectable()
export class PasswordGrant implements Grant {
  readonly type = 'password';

  constructor(
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
    private readonly subjects: Subjects,
    private readonly hasher: PasswordHasher,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditTrail,
    private readonly dataSource: DataSource,
    @Inject(OAUTH_OPTIONS) private readonly options: OAuthOptions,
  ) {}

  get enabled(): boolean {
    return this.options.passwordGrantEnabled;
  }

  allowedFor(client: ProtocolClient): boolean {
    return client.grants.includes('password');
  }

  async handle({ client, parameters, requestedScope, ip }: GrantRequest): Promise<TokenResponse> {
    const username = required(parameters, 'username');
    const password = required(parameters, 'password');
    if (username.length > MAX_LOGIN_LENGTH) throw new InvalidRequestError(`The username must be at most ${MAX_LOGIN_LENGTH} characters.`);
    // An account's counter is shared with the sign-ins of its side (console, sign-in page): one account, one budget.
    const reservation = await this.reserve(client.frontend ? 'customer' : 'user', username, `${client.clientId}@${ip}`);

    const subject = await this.subjects.findForSignIn(client, username);
    const valid = subject ? await this.hasher.verify(password, subject.passwordHash) : await this.hasher.verifyDecoy(password);
    if (!subject || !valid) {
      await this.recordSignIn('oauth_password.sign_in_failed', client, subject, username, ip);
      throw new InvalidGrantError(BAD_CREDENTIALS);
    }
    await this.throttle.succeeded(reservation);
    await this.recordSignIn('oauth_password.signed_in', client, subject, username, ip);

    const scope = requestedScope ?? client.scopes;
    const family = this.refreshTokens.enabled ? await this.refreshTokens.startFamily(client, { type: subjectTypeOf(client), id: subject.id }, scope) : undefined;
    const { token, expiresIn } = this.accessTokens.issue(client, subject.id, scope, family?.id);
    return {
      token_type: 'Bearer',
      expires_in: expiresIn,
      access_token: token,
      ...(family ? { refresh_token: await this.refreshTokens.issue(family.id) } : {}),
      ...(scope.length ? { scope: scope.join(' ') } : {}),
    };
  }

  /**
   * A password sign-in is a sign-in like the console's: audited, in the trail of each of the
   * subject's organizations (an unknown login's in the operators' only), with the application it
   * came through.
   */
  private recordSignIn(action: string, client: ProtocolClient, subject: SignInSubject | null, username: string, ip: string): Promise<void> {
    const name = username.trim().toLowerCase().slice(0, 255);
    const backOffice = !client.frontend;
    const subjectId = subject?.id ?? null;
    const actorUserId = backOffice && action === 'oauth_password.signed_in' ? subjectId : null;
    return this.audit.record(
      {
        action,
        actorUserId,
        ...(actorUserId === null ? { actorName: name } : {}),
        target: { type: backOffice ? 'user' : 'customer_user', id: subjectId, name },
        organizationIds: subject?.organizationIds ?? [],
        after: { clientId: client.clientId },
        ip,
        application: { id: client.id, clientId: client.clientId },
      },
      this.dataSource.manager,
    );
  }

  private async reserve(kind: AccountKind, username: string, origin: string): Promise<SignInReservation> {
    try {
      return await this.throttle.reserve(kind, username, origin);
    } catch (error) {
      if (error instanceof RetryLaterException) {
        throw new TemporarilyUnavailableError('Too many failed sign-in attempts. Try again later.', 429, error.retryAfterSeconds);
      }
      throw error;
    }
  }
}
