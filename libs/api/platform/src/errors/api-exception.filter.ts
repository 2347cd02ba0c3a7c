import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ApiErrorBody } from '@keyhouse/shared-contracts';
import { ListQueryError } from '@keyhouse/api-persistence';
import type { FastifyReply } from 'fastify';
import { RetryLaterException } from './retry-later.exception';

/**
 * Renders every error of the back-office API as `{"message", "errors"?}`. Anything that is not
 * a deliberate HTTP error is logged here and answered 500 without internals.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const [status, body] = this.render(exception);
    if (exception instanceof RetryLaterException) reply.header('Retry-After', String(exception.retryAfterSeconds));
    void reply.status(status).send(body);
  }

  private render(exception: unknown): [number, ApiErrorBody] {
    if (exception instanceof ListQueryError) {
      return [HttpStatus.BAD_REQUEST, { message: exception.message, errors: { [exception.param]: exception.message } }];
    }
    if (exception instanceof HttpException) {
      return [exception.getStatus(), bodyOf(exception)];
    }
    const clientError = fastifyClientError(exception);
    if (clientError) return clientError;
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return [HttpStatus.INTERNAL_SERVER_ERROR, { message: 'Internal server error.' }];
  }
}

function bodyOf(exception: HttpException): ApiErrorBody {
  const response = exception.getResponse();
  const { message, errors } = (typeof response === 'string' ? { message: response } : response) as { message?: unknown; errors?: Record<string, string> };
  const text = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
  // Every 400 has the documented validation shape, with no field to blame when the whole request is at fault (unparsable JSON).
  if (errors || exception.getStatus() === HttpStatus.BAD_REQUEST) return { message: text, errors: errors ?? {} };
  return { message: text };
}

/** Fastify's own 4xx (malformed JSON, body too large, unsupported media type) keep their status. */
function fastifyClientError(exception: unknown): [number, ApiErrorBody] | undefined {
  const { statusCode, code, message } = (exception ?? {}) as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500 || typeof code !== 'string' || !code.startsWith('FST_')) {
    return undefined;
  }
  return [statusCode, { message: typeof message === 'string' ? message : 'Bad request.' }];
}
