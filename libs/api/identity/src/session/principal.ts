import type { BackOfficeCaller } from '@keyhouse/api-platform';
import type { User } from '../entities';

/**
 * Who is making a back-office request, resolved once per request by the auth guard: the user
 * (with memberships, roles and organizations loaded) and what they may do here, which for an
 * access token is less than the user may (one organization, the token's scopes).
 */
export interface BackOfficePrincipal extends BackOfficeCaller {
  user: User;
  /** Present when the request came with the console's session cookie; `signedInAt` is when that sign-in happened (OpenID Connect's `auth_time`). */
  session?: { tokenDigest: string; csrfToken: string; signedInAt: Date };
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: BackOfficePrincipal;
  }
}
