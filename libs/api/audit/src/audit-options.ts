export interface AuditOptions {
  /** Days an audit row is kept; 0 keeps every row forever. */
  retentionDays: number;
}

export const AUDIT_OPTIONS = Symbol('AUDIT_OPTIONS');
