import { Logger } from '@nestjs/common';
import { OAuthError, ServerError } from './oauth-errors';

const logger = new Logger('OAuth');

export interface ProtocolAnswer {
  status: number;
  headers: Record<string, string>;
  body: object;
}

/** RFC 6749 5.1/5.2: every answer of a protocol endpoint, errors included, is never cached. */
export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

/**
 * The only place protocol errors become answers: `{"error","error_description"}` per RFC 6749
 * 5.2. Anything unexpected is logged and hidden behind `server_error`.
 */
export function oauthErrorAnswer(thrown: unknown): ProtocolAnswer {
  const error = thrown instanceof OAuthError ? thrown : unexpected(thrown);
  return { status: error.status, headers: { ...NO_STORE, ...error.headers }, body: { error: error.error, error_description: error.description } };
}

function unexpected(thrown: unknown): OAuthError {
  logger.error(thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown));
  return new ServerError();
}
