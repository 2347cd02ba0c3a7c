import { MAX_LOGIN_LENGTH } from '@keyhouse/api-identity';
import { fieldsOf } from '@keyhouse/api-platform';
import { InvalidRequestError, NotSupportedError, OAuthError, UnauthorizedClientError, UnsupportedResponseTypeError } from '../errors/oauth-errors';
import { checkRequestedScope } from '../http/scope';
import type { AuthorizingClient } from './authorizing-clients';
import { isWellFormedPkceValue, type CodeChallengeMethod } from './pkce';

/** A validated authorization request (RFC 6749 4.1.1, RFC 7636 4.3). */
export interface AuthorizationRequest {
  client: AuthorizingClient;
  redirectUri: string;
  /** Whether `redirect_uri` was in the request: then the token request must repeat it (4.1.3). */
  redirectUriSent: boolean;
  scope: string[];
  state: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: CodeChallengeMethod | undefined;
  /** `prompt` (OpenID Connect Core 3.1.2.1): `none` never shows a page, `login` signs in again, `consent` always asks. */
  prompt: ReadonlySet<Prompt>;
  /** `max_age` (Core 3.1.2.1), in seconds: a sign-in older than this is done again. */
  maxAge: number | undefined;
  /** `login_hint` (Core 3.1.2.1): the account to offer on the sign-in page, when it has to be shown. */
  loginHint: string | undefined;
  /** OpenID Connect Core 3.1.2.1: repeated in the ID token, which binds it to the client's session. */
  nonce: string | undefined;
}

export type Prompt = 'none' | 'login' | 'consent';
const PROMPTS: readonly string[] = ['none', 'login', 'consent'] satisfies Prompt[];

/** The parameters of the request, as sent: what the consent form carries back in hidden fields. */
export const AUTHORIZATION_PARAMETERS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
  'prompt',
  'nonce',
] as const;

/**
 * RFC 6749 4.1.2.1: while the client or its redirect URI is in doubt, the error is shown to the
 * user and never sent anywhere, or the endpoint would be an open redirector.
 */
export class AuthorizationPageError extends Error {
  constructor(
    readonly title: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

/** Any other error goes back to the client at its (validated) redirect URI, with the state. */
export class AuthorizationErrorRedirect extends Error {
  constructor(
    readonly redirectUri: string,
    readonly state: string | undefined,
    readonly error: OAuthError,
  ) {
    super(error.description);
  }
}

const MAX_STATE_LENGTH = 2000;
const MAX_NONCE_LENGTH = 512;
// A year: more than any client means, and far from overflowing a date.
const MAX_MAX_AGE = 366 * 24 * 3600;

type Fields = Record<string, unknown>;

/** Validates in the RFC's order: the client and redirect URI first (page errors), then the rest (redirected errors). */
export async function readAuthorizationRequest(
  raw: unknown,
  findClient: (clientId: string) => Promise<AuthorizingClient | undefined>,
): Promise<AuthorizationRequest> {
  const fields: Fields = fieldsOf(raw);
  const clientId = single(fields, 'client_id');
  if (clientId === undefined) throw new AuthorizationPageError('Unknown application', 'The request names no application (client_id is missing).');
  const client = await findClient(clientId);
  if (!client) throw new AuthorizationPageError('Unknown application', 'No application with this client_id exists.');
  if (!client.protocol.active) throw new AuthorizationPageError('Application unavailable', `${client.name} is deactivated and cannot be authorized.`);
  const { redirectUri, redirectUriSent } = chooseRedirectUri(fields, client);

  const state = text(fields['state']);
  const redirectError = (error: OAuthError) => new AuthorizationErrorRedirect(redirectUri, state?.slice(0, MAX_STATE_LENGTH), error);
  try {
    return { client, redirectUri, redirectUriSent, state, ...readRedirectableParameters(fields, client) };
  } catch (error) {
    if (error instanceof OAuthError) throw redirectError(error);
    throw error;
  }
}

function readRedirectableParameters(
  fields: Fields,
  client: AuthorizingClient,
): Pick<AuthorizationRequest, 'scope' | 'codeChallenge' | 'codeChallengeMethod' | 'prompt' | 'maxAge' | 'loginHint' | 'nonce'> {
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) throw new InvalidRequestError(`Parameter "${name}" is repeated.`);
  }
  const state = text(fields['state']);
  if (state !== undefined && state.length > MAX_STATE_LENGTH) throw new InvalidRequestError(`The state must be at most ${MAX_STATE_LENGTH} characters.`);

  if (text(fields['request']) !== undefined) throw new NotSupportedError('request_not_supported', 'Request objects are not supported: send the parameters themselves.');
  if (text(fields['request_uri']) !== undefined) throw new NotSupportedError('request_uri_not_supported', 'request_uri is not supported: send the parameters themselves.');
  if (text(fields['registration']) !== undefined) throw new NotSupportedError('registration_not_supported', 'Clients are registered by an administrator, not in the request.');

  const responseType = text(fields['response_type']);
  if (responseType === undefined) throw new InvalidRequestError('Missing required parameter "response_type".');
  if (responseType !== 'code') throw new UnsupportedResponseTypeError(`The response type "${responseType}" is not supported: use "code".`);
  if (!client.protocol.grants.includes('authorization_code')) {
    throw new UnauthorizedClientError('This application may not use the authorization_code grant.');
  }

  const scope = checkRequestedScope(text(fields['scope']), client.protocol) ?? client.protocol.scopes;
  const nonce = text(fields['nonce']);
  if (nonce !== undefined && nonce.length > MAX_NONCE_LENGTH) throw new InvalidRequestError(`The nonce must be at most ${MAX_NONCE_LENGTH} characters.`);
  const loginHint = text(fields['login_hint']);
  return {
    scope,
    ...readPkce(fields, client),
    prompt: readPrompt(text(fields['prompt'])),
    maxAge: readMaxAge(text(fields['max_age'])),
    // Only a hint (Core 3.1.2.1): one that could not be typed in the form is not offered.
    loginHint: loginHint !== undefined && loginHint.length <= MAX_LOGIN_LENGTH ? loginHint : undefined,
    nonce,
  };
}

function chooseRedirectUri(fields: Fields, client: AuthorizingClient): { redirectUri: string; redirectUriSent: boolean } {
  if (Array.isArray(fields['redirect_uri']) || Array.isArray(fields['redirect_url'])) {
    throw new AuthorizationPageError('Invalid redirect URI', 'The redirect URI is given more than once.');
  }
  // Cinode's AppMarket spells it redirect_url; same meaning, and both must agree when both are sent.
  const sent = text(fields['redirect_uri']) ?? text(fields['redirect_url']);
  const alias = text(fields['redirect_url']);
  if (sent !== undefined && alias !== undefined && sent !== alias) {
    throw new AuthorizationPageError('Invalid redirect URI', 'redirect_uri and redirect_url disagree.');
  }
  if (sent !== undefined) {
    // RFC 9700 2.1: exact string comparison, nothing normalized.
    if (!client.redirectUris.includes(sent)) {
      throw new AuthorizationPageError('Invalid redirect URI', `The redirect URI is not registered for ${client.name}.`);
    }
    return { redirectUri: sent, redirectUriSent: true };
  }
  if (client.redirectUris.length === 1) return { redirectUri: client.redirectUris[0], redirectUriSent: false };
  throw new AuthorizationPageError(
    'Invalid redirect URI',
    client.redirectUris.length === 0
      ? `${client.name} has no redirect URI registered.`
      : `${client.name} registers several redirect URIs: the request must say which one (redirect_uri).`,
  );
}

function readPkce(fields: Fields, client: AuthorizingClient): Pick<AuthorizationRequest, 'codeChallenge' | 'codeChallengeMethod'> {
  const challenge = text(fields['code_challenge']);
  const method = text(fields['code_challenge_method']);
  if (challenge === undefined) {
    if (method !== undefined) throw new InvalidRequestError('code_challenge_method was sent without a code_challenge.');
    if (!client.protocol.confidential) throw new InvalidRequestError('This application is a public client: send a code_challenge (PKCE, S256).');
    return { codeChallenge: undefined, codeChallengeMethod: undefined };
  }
  if (!isWellFormedPkceValue(challenge)) throw new InvalidRequestError('The code_challenge must be 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_" or "~".');
  // RFC 7636 4.3: an absent method means plain.
  const chosen = method ?? 'plain';
  if (chosen === 'S256') return { codeChallenge: challenge, codeChallengeMethod: 'S256' };
  if (chosen === 'plain') {
    if (!client.allowPlainPkce) throw new InvalidRequestError('This application requires code_challenge_method=S256.');
    return { codeChallenge: challenge, codeChallengeMethod: 'plain' };
  }
  throw new InvalidRequestError(`The code_challenge_method "${chosen}" is not supported: use S256.`);
}

/** Core 3.1.2.1: space-delimited values, and `none` only alone. `select_account` is not offered: one session per side. */
function readPrompt(prompt: string | undefined): ReadonlySet<Prompt> {
  const values = new Set(prompt === undefined ? [] : prompt.split(' '));
  const unsupported = [...values].find((value) => !PROMPTS.includes(value));
  if (unsupported !== undefined) throw new InvalidRequestError(`The prompt "${unsupported}" is not supported.`);
  if (values.has('none') && values.size > 1) throw new InvalidRequestError('The prompt "none" cannot be combined with other values.');
  return values as ReadonlySet<Prompt>;
}

function readMaxAge(maxAge: string | undefined): number | undefined {
  if (maxAge === undefined) return undefined;
  if (!/^[0-9]{1,8}$/.test(maxAge) || Number(maxAge) > MAX_MAX_AGE) throw new InvalidRequestError(`The max_age must be a number of seconds from 0 to ${MAX_MAX_AGE}.`);
  return Number(maxAge);
}

function single(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  if (Array.isArray(value)) throw new AuthorizationPageError('Unknown application', `Parameter "${name}" is repeated.`);
  return text(value);
}

/** Empty counts as absent, as on the token endpoint. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
