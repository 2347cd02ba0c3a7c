/** One row of the audit trail (`GET /admin/api/audit-events`): append-only, never a secret. */
export interface AuditEventDto {
  id: number;
  at: string;
  /** `<target type>.<verb>`, e.g. `oauth_application.updated`, `session.signed_in`. */
  action: string;
  /**
   * Who: a back-office user, or `{ id: null, name: 'system' }` for the server or the command line;
   * with the application they acted through, when an access token made the change or the sign-in
   * came through an application (names as they were then).
   */
  actor: { id: number | null; name: string; application?: { id: number; clientId: string; name: string } };
  target: { type: string; id: string | null; name: string };
  /** The first of `organizationIds`; null for a row about the platform itself. */
  organizationId: number | null;
  /**
   * The organizations it concerns that the reader may see, in order: whoever may view the trail
   * in one of them may read the row (a sign-in concerns each of the user's organizations). Empty:
   * the platform itself, for operators only.
   */
  organizationIds: number[];
  /** The client's address, when the change came through the HTTP API. */
  ip: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
