/**
 * Protocol errors, named after their RFC 6749 section 5.2 codes. Each carries its HTTP status;
 * `oauthErrorAnswer` is the one place that turns them into an answer.
 */
export abstract class OAuthError extends Error {
  abstract readonly error: string;
  abstract readonly status: number;
  /** Extra headers the code requires (WWW-Authenticate, Retry-After). */
  readonly headers: Record<string, string> = {};

  constructor(readonly description: string) {
    super(description);
  }
}

export class InvalidRequestError extends OAuthError {
  readonly error = 'invalid_request';
  readonly status = 400;
}

/** RFC 6749 5.2: 401 with WWW-Authenticate, whatever the reason, so no reason leaks. */
export class InvalidClientError extends OAuthError {
  readonly error = 'invalid_client';
  readonly status = 401;
  override readonly headers = { 'WWW-Authenticate': 'Basic realm="keyhouse", charset="UTF-8"' };

  constructor() {
    super('Client authentication failed.');
  }
}

export class InvalidGrantError extends OAuthError {
  readonly error = 'invalid_grant';
  readonly status = 400;
}

export class UnauthorizedClientError extends OAuthError {
  readonly error = 'unauthorized_client';
  readonly status = 400;
}

export class UnsupportedGrantTypeError extends OAuthError {
  readonly error = 'unsupported_grant_type';
  readonly status = 400;
}

export class InvalidScopeError extends OAuthError {
  readonly error = 'invalid_scope';
  readonly status = 400;
}

/** RFC 6749 4.1.2.1: the user (or the server on their behalf) refused the request. */
export class AccessDeniedError extends OAuthError {
  readonly error = 'access_denied';
  readonly status = 400;
}

export class UnsupportedResponseTypeError extends OAuthError {
  readonly error = 'unsupported_response_type';
  readonly status = 400;
}

/** OpenID Connect Core 3.1.2.6, for `prompt=none`: the user would have to sign in or consent. */
export class InteractionRequiredError extends OAuthError {
  readonly status = 400;

  constructor(
    readonly error: 'login_required' | 'consent_required',
    description: string,
  ) {
    super(description);
  }
}

/**
 * OpenID Connect Core 3.1.2.6: a request object (6.1, 6.2) or registration (7.2.1) was sent, which
 * this server does not support; refused rather than ignored, since it may carry the request itself.
 */
export class NotSupportedError extends OAuthError {
  readonly status = 400;

  constructor(
    readonly error: 'request_not_supported' | 'request_uri_not_supported' | 'registration_not_supported',
    description: string,
  ) {
    super(description);
  }
}

/** The server cannot serve now: no signing keys (503), or a throttle (429 with Retry-After). */
export class TemporarilyUnavailableError extends OAuthError {
  readonly error = 'temporarily_unavailable';

  constructor(
    description: string,
    readonly status = 503,
    retryAfterSeconds?: number,
  ) {
    super(description);
    if (retryAfterSeconds !== undefined) this.headers['Retry-After'] = String(retryAfterSeconds);
  }
}

export class ServerError extends OAuthError {
  readonly error = 'server_error';
  readonly status = 500;

  constructor() {
    super('The server could not complete the request.');
  }
}

/** RFC 6750 3.1: a refused bearer token on a resource API. */
export class InvalidTokenError extends OAuthError {
  readonly error = 'invalid_token';
  readonly status = 401;
  override readonly headers: Record<string, string> = { 'WWW-Authenticate': 'Bearer error="invalid_token"' };

  constructor(description = 'The access token is invalid, expired or revoked.') {
    super(description);
  }
}

/** RFC 6750 3.1: no access token at all. The challenge then names no error; the body still says what is missing. */
export class MissingTokenError extends InvalidTokenError {
  override readonly headers = { 'WWW-Authenticate': 'Bearer realm="keyhouse"' };

  constructor() {
    super('Send an access token: Authorization: Bearer <token>.');
  }
}

/** RFC 6750 3.1: a good token without the scope the resource needs. */
export class InsufficientScopeError extends OAuthError {
  readonly error = 'insufficient_scope';
  readonly status = 403;

  constructor(scope: string) {
    super(`The access token was not granted the "${scope}" scope.`);
    this.headers['WWW-Authenticate'] = `Bearer error="insufficient_scope", scope="${scope}"`;
  }
}

/** A body over the protocol's limit: RFC 6749 5.2's shape, with HTTP's own status for the cause (RFC 9110 15.5.14). */
export class RequestTooLargeError extends OAuthError {
  readonly error = 'invalid_request';
  readonly status = 413;

  constructor() {
    super('The request body is too large.');
  }
}

/** Protocol endpoints are POST only (RFC 6749 3.2), but userinfo, which takes GET too (OpenID Connect Core 5.3.1). */
export class MethodNotAllowedError extends OAuthError {
  readonly error = 'invalid_request';
  readonly status = 405;

  constructor(allowed: readonly string[]) {
    super(`Use ${allowed.join(' or ')}.`);
    this.headers['Allow'] = allowed.join(', ');
  }
}
