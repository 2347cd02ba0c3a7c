import type { ProtocolClient } from '../clients/protocol-client';
import { InvalidScopeError } from '../errors/oauth-errors';

// RFC 6749 3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), separated by single spaces.
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/;

/** The requested scopes, each allowed for the client; undefined when none was requested. */
export function checkRequestedScope(raw: string | undefined, client: ProtocolClient): string[] | undefined {
  if (raw === undefined) return undefined;
  if (!SCOPE.test(raw)) throw new InvalidScopeError('The scope must be space-separated scope tokens.');
  const requested = [...new Set(raw.split(' '))];
  const refused = requested.filter((scope) => !client.scopes.includes(scope));
  if (refused.length) throw new InvalidScopeError(`Not allowed for this application: ${refused.join(' ')}.`);
  return requested;
}
