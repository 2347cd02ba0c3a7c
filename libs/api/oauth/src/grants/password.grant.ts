import { Inject, Injectable } from '@nestjs/common';
import type { ProtocolClient } from '../clients/protocol-client';
import {
  INVALID_CREDENTIALS,
  InvalidCredentialsException,
  MAX_LOGIN_LENGTH,
  SignInAccounts,
  SignInPipeline,
  type PasswordAttempt,
  type SignInAccount,
  type SignInDoor,
} from '@keyhouse/api-identity';
import { RetryLaterException } from '@keyhouse/api-platform';
import { InvalidGrantError, InvalidRequestError, TemporarilyUnavailableError } from '../errors/oauth-errors';
import { required } from '../http/token-parameters';
import { OAUTH_OPTIONS, type OAuthOptions } from '../oauth-options';
import { subjectTypeOf } from '../subjects';
import { AccessTokens } from '../tokens/access-tokens';
import { RefreshTokens } from '../tokens/refresh-tokens';
import type { Grant, GrantRequest, TokenResponse } from './grant';

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
    private readonly signIns: SignInPipeline,
    private readonly accounts: SignInAccounts,
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
    // An account's count is shared with the sign-ins of its side (console, sign-in page): one account, one budget.
    const account = await this.signIn(this.doorFor(client, ip), { login: username, password, address: ip, origin: `${client.clientId}@${ip}` });

    const scope = requestedScope ?? client.scopes;
    const family = this.refreshTokens.enabled ? await this.refreshTokens.startFamily(client, { type: subjectTypeOf(client), id: account.id }, scope) : undefined;
    const { token, expiresIn } = this.accessTokens.issue(client, account.id, scope, family?.id);
    return {
      token_type: 'Bearer',
      expires_in: expiresIn,
      access_token: token,
      ...(family ? { refresh_token: await this.refreshTokens.issue(family.id) } : {}),
      ...(scope.length ? { scope: scope.join(' ') } : {}),
    };
  }

  /**
   * The accounts this application may sign in (its side's, in its organization), audited with the
   * application they came through and the client's address: the protocol endpoints run outside
   * the framework's request context.
   */
  private doorFor(client: ProtocolClient, ip: string): SignInDoor<SignInAccount> {
    return {
      kind: client.frontend ? 'customer' : 'user',
      audit: 'oauth_password',
      find: (login) => (client.frontend ? this.accounts.customer(login, client.organizationId) : this.accounts.user(login, client.organizationId)),
      context: { after: { clientId: client.clientId }, ip, application: { id: client.id, clientId: client.clientId } },
    };
  }

  /** The sign-in pipeline, its refusals in RFC 6749's words. */
  private async signIn(door: SignInDoor<SignInAccount>, attempt: PasswordAttempt): Promise<SignInAccount> {
    try {
      return await this.signIns.withPassword(door, attempt);
    } catch (error) {
      if (error instanceof InvalidCredentialsException) throw new InvalidGrantError(INVALID_CREDENTIALS);
      if (error instanceof RetryLaterException) {
        throw new TemporarilyUnavailableError('Too many failed sign-in attempts. Try again later.', 429, error.retryAfterSeconds);
      }
      throw error;
    }
  }
}
