import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MethodNotAllowedError } from '../errors/oauth-errors';
import { noStore, renderOAuthError } from '../errors/render';

/** Small bodies only: a protocol request is a handful of short parameters. */
export const PROTOCOL_BODY_LIMIT = 64 * 1024;

/**
 * A protocol endpoint straight on Fastify: POST only, a small body limit, no-store on every
 * answer, and every error, Fastify's own parse errors included, rendered by renderOAuthError.
 */
export function registerProtocolRoute(
  fastify: FastifyInstance,
  url: string,
  handle: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
): void {
  fastify.route({
    method: 'POST',
    url,
    bodyLimit: PROTOCOL_BODY_LIMIT,
    errorHandler: (error, _request, reply) => renderOAuthError(reply, error),
    handler: async (request, reply) => {
      try {
        const body = await handle(request, reply);
        return noStore(reply).send(body);
      } catch (error) {
        return renderOAuthError(reply, error);
      }
    },
  });
  fastify.route({
    method: ['GET', 'PUT', 'PATCH', 'DELETE'],
    url,
    handler: (_request, reply) => renderOAuthError(reply, new MethodNotAllowedError()),
  });
}
