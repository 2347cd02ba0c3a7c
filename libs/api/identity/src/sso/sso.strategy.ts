import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy as OAuth2Strategy, type StateStore } from 'passport-oauth2';
import type { SingleSignOnOptions } from '../identity-options';
import { providerAgent } from './provider-agent';
import { SsoStateStore } from './sso-state-store';

export const SSO_OPTIONS = Symbol('SSO_OPTIONS');

/** What the provider says of the person who signed in there: its userinfo document, as sent. */
export interface ProviderIdentity {
  claims: unknown;
}

/** The userinfo endpoint answered, but not with a document. */
export class UserinfoError extends Error {}

// A provider that does not answer must not hold the browser's sign-in for long.
const PROVIDER_TIMEOUT_MS = 10_000;

/**
 * The console's single sign-on as a passport-oauth2 strategy: RFC 6749's authorization code grant
 * with PKCE S256 (RFC 7636) and a state bound to the browser (SsoStateStore), then the provider's
 * userinfo. The client authenticates with its secret in the token request's body
 * (client_secret_post). Neither the secret nor the code nor the tokens are kept or logged.
 */
@Injectable()
export class SsoStrategy extends PassportStrategy(OAuth2Strategy, 'sso') {
  private readonly userinfoUrl: string;

  constructor(@Inject(SSO_OPTIONS) sso: SingleSignOnOptions, store: SsoStateStore) {
    super({
      authorizationURL: sso.authorizationUrl,
      tokenURL: sso.tokenUrl,
      clientID: sso.clientId,
      clientSecret: sso.clientSecret,
      callbackURL: sso.callbackUrl,
      scope: sso.scope,
      pkce: true,
      // The typings know only stores without PKCE; passport-oauth2 hands this one the verifier.
      store: store as unknown as StateStore,
    });
    this._oauth2.setAgent(providerAgent(sso.tokenUrl, PROVIDER_TIMEOUT_MS));
    this.userinfoUrl = sso.userinfoUrl;
  }

  override userProfile(accessToken: string, done: (error?: unknown, profile?: unknown) => void): void {
    fetch(this.userinfoUrl, {
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    })
      .then(async (response) => {
        if (!response.ok) throw new UserinfoError(`the userinfo endpoint answered ${response.status}`);
        return (await response.json()) as unknown;
      })
      .then(
        (claims) => done(null, claims),
        (error: unknown) => done(error instanceof UserinfoError ? error : new UserinfoError(`the userinfo endpoint could not be read (${(error as Error).name})`)),
      );
  }

  /** Whose the sign-in is, the service decides: the strategy only reports what the provider said. */
  validate(_accessToken: string, _refreshToken: string, claims: unknown): ProviderIdentity {
    return { claims };
  }
}
