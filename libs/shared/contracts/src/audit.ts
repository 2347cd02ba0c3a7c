/** One row of the audit trail (`GET /admin/api/audit-events`): append-only, never a secret. */
export interface AuditEventDto {
  id: number;
  at: string;
  /** `<target type>.<verb>`, e.g. `oauth_application.updated`, `session.signed_in`. */
  action: string;
  /** Who: a back-office user, or `{ id: null, name: 'system' }` for the server or the command line. */
  actor: { id: number | null; name: string };
  target: { type: string; id: string | null; name: string };
  organizationId: number | null;
  /** The client's address, when the change came through the HTTP API. */
  ip: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
