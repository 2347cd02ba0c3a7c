import { Inject, Injectable } from '@nestjs/common';
import { csrfTokenMatches } from '@keyhouse/api-identity';
import { fieldsOf } from '@keyhouse/api-platform';
import { DataSource } from 'typeorm';
import { AccessDeniedError, InteractionRequiredError } from '../errors/oauth-errors';
import { Installations } from '../installations/installations';
import { OAUTH_OPTIONS, type OAuthOptions } from '../oauth-options';
import { AuthorizationCodes } from './authorization-codes';
import {
  AUTHORIZATION_PARAMETERS,
  AuthorizationErrorRedirect,
  AuthorizationPageError,
  readAuthorizationRequest,
  type AuthorizationRequest,
} from './authorization-request';
import { AuthorizingClients } from './authorizing-clients';
import { clientRedirect } from './client-redirect';
import { consentPage } from './pages';
import { Visitors, type Cookies, type Visitor } from './visitors';

/** What the controller sends: a page, a redirect, or the sign-in page first. */
export type FlowAnswer =
  | { kind: 'page'; status: number; html: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'sign-in'; audience: 'back-office' | 'storefront'; returnTo: string; loginHint?: string };

/**
 * RFC 6749 4.1.1-4.1.2: the authorization endpoint. Validate, make sure someone is signed in on
 * the application's side, ask for consent unless it is already given (or the application is
 * first-party), then send the browser back with a code.
 */
@Injectable()
export class AuthorizationFlow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clients: AuthorizingClients,
    private readonly visitors: Visitors,
    private readonly installations: Installations,
    private readonly codes: AuthorizationCodes,
    @Inject(OAUTH_OPTIONS) private readonly options: OAuthOptions,
  ) {}

  /** GET: the consent page, or straight back to the client when nothing needs asking. */
  async authorize(query: unknown, cookies: Cookies, requestUrl: string): Promise<FlowAnswer> {
    const request = await readAuthorizationRequest(query, (clientId) => this.clients.byClientId(clientId));
    const visitor = await this.visitors.resolve(cookies, request.client.protocol.frontend);
    if (!visitor || mustSignInAgain(request, visitor)) {
      if (request.prompt.has('none')) throw this.redirectError(request, new InteractionRequiredError('login_required', 'The user is not signed in.'));
      return { kind: 'sign-in', audience: audienceOf(request), returnTo: afterSignIn(requestUrl), loginHint: request.loginHint };
    }
    assertCanInstall(visitor);

    if (!request.prompt.has('consent')) {
      const organizationId = await this.consentGivenIn(request, visitor);
      if (organizationId !== undefined) return this.approve(request, visitor, organizationId);
    }
    if (request.prompt.has('none')) throw this.redirectError(request, new InteractionRequiredError('consent_required', 'The user has not consented yet.'));
    return { kind: 'page', status: 200, html: this.consentPage(request, visitor) };
  }

  /** POST from the consent page: the user's decision. */
  async decide(body: unknown, cookies: Cookies): Promise<FlowAnswer> {
    const request = await readAuthorizationRequest(body, (clientId) => this.clients.byClientId(clientId));
    const visitor = await this.visitors.resolve(cookies, request.client.protocol.frontend);
    if (!visitor) return { kind: 'sign-in', audience: audienceOf(request), returnTo: authorizeUrlOf(body) };
    const fields = fieldsOf(body);
    if (!csrfTokenMatches(fields['csrf_token'], visitor.csrfToken)) {
      throw new AuthorizationPageError('Please try again', 'This form has expired or was not sent from this site. Start again from the application.', 403);
    }
    assertCanInstall(visitor);
    if (fields['decision'] === 'deny') throw this.redirectError(request, new AccessDeniedError('The user denied the request.'));
    if (fields['decision'] !== 'allow') throw new AuthorizationPageError('Please try again', 'Choose Allow or Deny.');

    const chosen = Number(fields['organization_id'] ?? visitor.organizations[0].id);
    if (!visitor.organizations.some((organization) => organization.id === chosen)) {
      throw new AuthorizationPageError('Please try again', 'You can only install applications in an organization you belong to.', 403);
    }
    return this.approve(request, visitor, chosen);
  }

  /** An error to send to the client, with the request's state (RFC 6749 4.1.2.1) and our issuer (RFC 9207). */
  errorRedirect(error: AuthorizationErrorRedirect): FlowAnswer {
    return this.redirectTo(error.redirectUri, {
      error: error.error.error,
      error_description: error.error.description,
      ...(error.state !== undefined ? { state: error.state } : {}),
    });
  }

  private async approve(request: AuthorizationRequest, visitor: Visitor, organizationId: number): Promise<FlowAnswer> {
    const code = await this.dataSource.transaction(async (db) => {
      const application = { id: request.client.protocol.id, name: request.client.name };
      const installation = await this.installations.record(db, application, organizationId, visitor.consenter, request.scope);
      return this.codes.issue(db, installation, { ...request, authTime: visitor.authTime });
    });
    return this.redirectTo(request.redirectUri, { code, ...(request.state !== undefined ? { state: request.state } : {}) });
  }

  /**
   * Where consent is not needed: it was given before for these scopes, or the application is
   * first-party and the user belongs to its own organization (it acts there, never elsewhere).
   */
  private async consentGivenIn(request: AuthorizationRequest, visitor: Visitor): Promise<number | undefined> {
    const organizationIds = visitor.organizations.map((organization) => organization.id);
    const existing = await this.installations.covering(request.client.protocol.id, visitor.consenter, organizationIds, request.scope);
    if (existing) return existing.organizationId;
    const home = request.client.protocol.organizationId;
    return request.client.firstParty && organizationIds.includes(home) ? home : undefined;
  }

  private consentPage(request: AuthorizationRequest, visitor: Visitor): string {
    const fields: Record<string, string> = { response_type: 'code', client_id: request.client.protocol.clientId, csrf_token: visitor.csrfToken };
    if (request.redirectUriSent) fields['redirect_uri'] = request.redirectUri;
    if (request.scope.length) fields['scope'] = request.scope.join(' ');
    if (request.state !== undefined) fields['state'] = request.state;
    if (request.codeChallenge !== undefined) fields['code_challenge'] = request.codeChallenge;
    if (request.codeChallengeMethod !== undefined) fields['code_challenge_method'] = request.codeChallengeMethod;
    if (request.nonce !== undefined) fields['nonce'] = request.nonce;
    return consentPage({
      applicationName: request.client.name,
      publisher: request.client.organizationName,
      signedInAs: visitor.label,
      scopes: request.scope,
      organizations: visitor.organizations,
      redirectHost: new URL(request.redirectUri).host,
      fields,
      switchAccount: { returnTo: authorizeUrlOf(fields), audience: audienceOf(request) },
    });
  }

  private redirectError(request: AuthorizationRequest, error: AccessDeniedError | InteractionRequiredError): AuthorizationErrorRedirect {
    return new AuthorizationErrorRedirect(request.redirectUri, request.state, error);
  }

  private redirectTo(redirectUri: string, parameters: Record<string, string>): FlowAnswer {
    return { kind: 'redirect', location: clientRedirect(redirectUri, this.options.issuer, parameters) };
  }
}

function assertCanInstall(visitor: Visitor): void {
  if (visitor.organizations.length === 0) {
    throw new AuthorizationPageError('No organization', 'Your account does not belong to any organization, so no application can be installed for it.', 403);
  }
}

/**
 * OpenID Connect Core 3.1.2.1: `prompt=login` asks for a new sign-in whatever the session, and
 * `max_age` for one no older than that many seconds (`max_age=0` is `prompt=login`).
 */
function mustSignInAgain(request: AuthorizationRequest, visitor: Visitor): boolean {
  if (request.prompt.has('login')) return true;
  return request.maxAge !== undefined && Date.now() - visitor.authTime.getTime() >= request.maxAge * 1000;
}

/**
 * The request to come back to once signed in: without what asked for that sign-in (`login`,
 * `max_age`), which it has just satisfied and would otherwise ask for again and again. The
 * browser could drop them from the URL anyway: what the client relies on is the ID token's
 * `auth_time` (Core 3.1.3.7), which is the new sign-in's.
 */
function afterSignIn(requestUrl: string): string {
  const url = new URL(requestUrl, 'http://keyhouse.invalid');
  const prompt = (url.searchParams.get('prompt') ?? '').split(' ');
  if (!prompt.includes('login') && !url.searchParams.has('max_age')) return requestUrl;
  const remaining = prompt.filter((value) => value !== '' && value !== 'login');
  if (remaining.length) url.searchParams.set('prompt', remaining.join(' '));
  else url.searchParams.delete('prompt');
  url.searchParams.delete('max_age');
  return `${url.pathname}${url.search}`;
}

const audienceOf = (request: AuthorizationRequest) => (request.client.protocol.frontend ? 'storefront' : 'back-office');

/** The GET request a consent form came from, to come back to after signing in again. */
function authorizeUrlOf(body: unknown): string {
  const fields = fieldsOf(body);
  const query = new URLSearchParams();
  for (const name of AUTHORIZATION_PARAMETERS) {
    const value = fields[name];
    if (typeof value === 'string') query.set(name, value);
  }
  return `/oauth2-token/authorize?${query.toString()}`;
}
