import type { FastifyInstance } from 'fastify';

/**
 * The two body types the API reads. Registered here rather than by Nest so that:
 * an empty `application/json` body means "no body" (clients such as react-admin send the header
 * on every POST, including actions that take no body); and a form keeps every value of a
 * repeated field, so the protocol can refuse it (RFC 6749 3.2) instead of silently keeping one.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    parseJson(request, text, done);
  });
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const fields: Record<string, string | string[]> = {};
    for (const [name, value] of new URLSearchParams(String(body))) {
      const previous = fields[name];
      fields[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
    }
    done(null, fields);
  });
}
