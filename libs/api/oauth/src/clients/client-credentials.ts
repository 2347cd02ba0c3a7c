import { InvalidClientError, InvalidRequestError } from '../errors/oauth-errors';
import type { Parameters } from '../http/token-parameters';

export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

export interface PresentedClient {
  clientId: string;
  secret?: string;
  method: ClientAuthMethod;
}

/**
 * Reads what the client presented (RFC 6749 2.3.1): HTTP Basic, or client_id + client_secret in
 * the body, never both. Credentials in the query string are never read.
 */
export function readClientCredentials(authorization: string | undefined, parameters: Parameters): PresentedClient {
  const bodyId = parameters.get('client_id');
  const bodySecret = parameters.get('client_secret');
  if (authorization !== undefined && /^basic /i.test(authorization)) {
    const basic = decodeBasic(authorization.slice(6).trim());
    if (bodySecret !== undefined) throw new InvalidRequestError('Use one client authentication method: HTTP Basic or client_secret in the body, not both.');
    // A body client_id that merely repeats the Basic one is harmless; a different one is a conflict.
    if (bodyId !== undefined && bodyId !== basic.clientId) throw new InvalidRequestError('client_id differs from the one in the Authorization header.');
    return { ...basic, method: 'client_secret_basic' };
  }
  if (bodyId === undefined) throw new InvalidClientError();
  if (bodySecret === undefined) return { clientId: bodyId, method: 'none' };
  return { clientId: bodyId, secret: bodySecret, method: 'client_secret_post' };
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
