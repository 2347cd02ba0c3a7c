import type { TokenEndpointAuthMethod } from '@keyhouse/shared-contracts';
import { InvalidClientError, InvalidRequestError } from '../errors/oauth-errors';
import type { Parameters } from '../http/token-parameters';
import { readAssertionSubject } from './client-assertion';

/** RFC 7523 2.2: the only client_assertion_type there is here. */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface PresentedClient {
  clientId: string;
  secret?: string;
  /** The signed JWT of private_key_jwt, not verified yet. */
  assertion?: string;
  method: TokenEndpointAuthMethod;
}

const ONE_METHOD = 'Use one client authentication method: HTTP Basic, client_secret in the body or a client assertion.';

/**
 * Reads what the client presented (RFC 6749 2.3.1, RFC 7521 4.2): HTTP Basic, client_id +
 * client_secret in the body, or a client assertion; never two of them. Credentials in the query
 * string are never read.
 */
export function readClientCredentials(authorization: string | undefined, parameters: Parameters): PresentedClient {
  const bodyId = parameters.get('client_id');
  const bodySecret = parameters.get('client_secret');
  const assertion = readAssertion(parameters);
  if (assertion !== undefined) {
    if (authorization !== undefined && /^basic /i.test(authorization)) throw new InvalidRequestError(ONE_METHOD);
    if (bodySecret !== undefined) throw new InvalidRequestError(ONE_METHOD);
    // RFC 7521 4.2: the assertion's subject names the client; a client_id sent too must agree.
    const clientId = readAssertionSubject(assertion);
    if (clientId === undefined) throw new InvalidClientError();
    if (bodyId !== undefined && bodyId !== clientId) throw new InvalidRequestError('client_id differs from the subject of the client assertion.');
    return { clientId, assertion, method: 'private_key_jwt' };
  }
  if (authorization !== undefined && /^basic /i.test(authorization)) {
    const basic = decodeBasic(authorization.slice(6).trim());
    if (bodySecret !== undefined) throw new InvalidRequestError(ONE_METHOD);
    // A body client_id that merely repeats the Basic one is harmless; a different one is a conflict.
    if (bodyId !== undefined && bodyId !== basic.clientId) throw new InvalidRequestError('client_id differs from the one in the Authorization header.');
    return { ...basic, method: 'client_secret_basic' };
  }
  if (bodyId === undefined) throw new InvalidClientError();
  if (bodySecret === undefined) return { clientId: bodyId, method: 'none' };
  return { clientId: bodyId, secret: bodySecret, method: 'client_secret_post' };
}

/** RFC 7521 4.2: client_assertion and client_assertion_type come together, and the type is the JWT one (RFC 7523 2.2). */
function readAssertion(parameters: Parameters): string | undefined {
  const assertion = parameters.get('client_assertion');
  const type = parameters.get('client_assertion_type');
  if (assertion === undefined && type === undefined) return undefined;
  if (assertion === undefined) throw new InvalidRequestError('client_assertion_type was sent without client_assertion.');
  if (type !== JWT_BEARER_ASSERTION_TYPE) throw new InvalidRequestError(`client_assertion_type must be ${JWT_BEARER_ASSERTION_TYPE}.`);
  return assertion;
}

/** RFC 6749 2.3.1 and Appendix B: each half is form-urlencoded before base64. */
function decodeBasic(encoded: string): { clientId: string; secret: string } {
  if (!/^[A-Za-z0-9+/]+=*$/.test(encoded)) throw new InvalidRequestError('Malformed HTTP Basic credentials.');
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new InvalidRequestError('Malformed HTTP Basic credentials.');
  try {
    const clientId = formDecode(decoded.slice(0, colon));
    const secret = formDecode(decoded.slice(colon + 1));
    if (!clientId) throw new InvalidRequestError('Malformed HTTP Basic credentials.');
    return { clientId, secret };
  } catch (error) {
    if (error instanceof InvalidRequestError) throw error;
    throw new InvalidRequestError('Malformed HTTP Basic credentials.');
  }
}

function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}
