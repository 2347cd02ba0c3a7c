import type { FastifyInstance } from 'fastify';
import { ValidationFailedException } from './errors/validation-failed.exception';
import { parseFormFields } from './form-fields';
import { unknownField } from './validation/body-validation.pipe';

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
    parseJson(request, text, (error, value) => done(error ? (forbiddenKeysRefusal(text) ?? error) : null, value));
  });
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseFormFields(String(body)));
  });
}

/**
 * JSON that Fastify refuses although it parses: it sets a prototype (`__proto__`,
 * `constructor.prototype`), which no body of this API declares. Refused as unknown fields, by name.
 */
function forbiddenKeysRefusal(text: string): ValidationFailedException | undefined {
  const forbidden = new Set<string>();
  try {
    JSON.parse(text, (key, value: unknown) => {
      if (key === '__proto__' || (key === 'constructor' && typeof value === 'object' && value !== null && 'prototype' in value)) forbidden.add(key);
      return value;
    });
  } catch {
    return undefined;
  }
  return forbidden.size ? new ValidationFailedException(Object.fromEntries([...forbidden].map((key) => [key, unknownField(key)]))) : undefined;
}
