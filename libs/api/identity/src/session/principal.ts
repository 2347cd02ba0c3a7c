import type { Permission } from '@keyhouse/shared-contracts';
import type { User } from '../entities';

/** Who is making a back-office request, resolved once per request by the auth guard. */
export interface BackOfficePrincipal {
  user: User;
  permissions: ReadonlySet<Permission>;
  organizationIds: number[];
  /** Present when the request came with the console's session cookie. */
  session?: { tokenDigest: string; csrfToken: string };
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: BackOfficePrincipal;
  }
}
