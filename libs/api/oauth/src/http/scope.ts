import { isOpenIdScope } from '@keyhouse/shared-contracts';
import { SCOPE_TOKEN_CHARACTER } from '@keyhouse/api-platform';
import type { ProtocolClient } from '../clients/protocol-client';
import { InvalidScopeError } from '../errors/oauth-errors';

// RFC 6749 3.3: scope = scope-token *( SP scope-token ).
const SCOPE = new RegExp(`^${SCOPE_TOKEN_CHARACTER}+( ${SCOPE_TOKEN_CHARACTER}+)*$`);

/**
 * The application's own scopes, and OpenID Connect's for any application that signs users in
 * with the authorization code grant (Core 3.1): they grant no API permission, so an administrator
 * has nothing to decide about them, and the user sees them on the consent page.
 */
export function scopeAllowedFor(client: ProtocolClient, scope: string): boolean {
  return client.scopes.includes(scope) || (isOpenIdScope(scope) && client.grants.includes('authorization_code'));
}

/** The requested scopes, each allowed for the client; undefined when none was requested. */
export function checkRequestedScope(raw: string | undefined, client: ProtocolClient): string[] | undefined {
  if (raw === undefined) return undefined;
  if (!SCOPE.test(raw)) throw new InvalidScopeError('The scope must be space-separated scope tokens.');
  const requested = [...new Set(raw.split(' '))];
  const refused = requested.filter((scope) => !scopeAllowedFor(client, scope));
  if (refused.length) throw new InvalidScopeError(`Not allowed for this application: ${refused.join(' ')}.`);
  return requested;
}
