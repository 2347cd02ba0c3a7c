import { Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { InvalidRequestError, OAuthError, ServerError } from './oauth-errors';

const logger = new Logger('OAuth');

/** RFC 6749 5.1/5.2: every answer of a protocol endpoint, errors included, is never cached. */
export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache');
}

/**
 * The only place protocol errors become answers: `{"error","error_description"}` per RFC 6749
 * 5.2. Anything unexpected is logged and hidden behind `server_error`.
 */
export function renderOAuthError(reply: FastifyReply, thrown: unknown): FastifyReply {
  const error = asOAuthError(thrown);
  noStore(reply).status(error.status).headers(error.headers).type('application/json');
  return reply.send({ error: error.error, error_description: error.description });
}

function asOAuthError(thrown: unknown): OAuthError {
  if (thrown instanceof OAuthError) return thrown;
  // Fastify's own refusals before our code runs: bad JSON, body too large, unknown media type.
  const { statusCode, code } = (thrown ?? {}) as { statusCode?: unknown; code?: unknown };
  if (typeof code === 'string' && code.startsWith('FST_') && typeof statusCode === 'number' && statusCode < 500) {
    return new InvalidRequestError(fastifyReason(code));
  }
  logger.error(thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown));
  return new ServerError();
}

function fastifyReason(code: string): string {
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'The request body is too large.';
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'Send application/x-www-form-urlencoded or application/json.';
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'The request body is empty.';
  return 'The request body could not be parsed.';
}
