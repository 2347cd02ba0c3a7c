import { InvalidRequestError } from '../errors/oauth-errors';

/** The parameters of a protocol request: each one a single non-empty string. */
export type Parameters = ReadonlyMap<string, string>;

/**
 * RFC 6749 3.2: parameters MUST NOT be repeated. Only flat string values are accepted: a
 * repeated form field, a qs-style `a[b]` key or a JSON value that is not a string could smuggle
 * a second meaning past a check. Empty values count as absent; unknown ones are ignored later.
 */
export function readParameters(body: unknown): Parameters {
  if (body === undefined || body === null) return new Map();
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new InvalidRequestError('The request body must be a set of parameters.');
  }
  const parameters = new Map<string, string>();
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (name.includes('[') || name.includes(']')) throw new InvalidRequestError(`Parameter "${name}" is not accepted: nested parameters are not supported.`);
    if (Array.isArray(value)) throw new InvalidRequestError(`Parameter "${name}" is repeated.`);
    if (typeof value !== 'string') throw new InvalidRequestError(`Parameter "${name}" must be a string.`);
    if (value !== '') parameters.set(name, value);
  }
  return parameters;
}

export function required(parameters: Parameters, name: string): string {
  const value = parameters.get(name);
  if (value === undefined) throw new InvalidRequestError(`Missing required parameter "${name}".`);
  return value;
}
