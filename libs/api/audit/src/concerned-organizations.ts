import type { AuditConcern } from '@keyhouse/api-platform';

/** The organizations an entry concerns, each once, in order; none for what is the platform's own. */
export function concernedOrganizations({ organizationId, organizationIds }: AuditConcern): number[] {
  const listed = organizationIds ?? (typeof organizationId === 'number' ? [organizationId] : []);
  return [...new Set(listed)].sort((a, b) => a - b);
}
