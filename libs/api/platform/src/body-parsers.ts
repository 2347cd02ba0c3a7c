import type { FastifyInstance } from 'fastify';
import { parseFormFields } from './form-fields';

/**
 * The two body types the API reads. Registered here rather than by Nest so that:
 * an empty `application/json` body means "no body" (clients such as react-admin send the header
 * on every POST, including actions that take no body); and a form keeps every value of a
 * repeated field (see parseFormFields).
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    parseJson(request, text, done);
  });
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseFormFields(String(body)));
  });
}
