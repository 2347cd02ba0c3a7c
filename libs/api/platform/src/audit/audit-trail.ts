import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** One change, or one sign-in, as features report it. Values are plain data, never secrets. */
export interface AuditEntry {
  /** `<target type>.<verb>`, e.g. `oauth_application.updated`, `session.sign_in_failed`. */
  action: string;
  /** Who did it: a back-office user, or null for the server itself or the operator's command line. */
  actorUserId: number | null;
  /** Who, when it is not a back-office user (a storefront customer signing in): their name as shown. */
  actorName?: string;
  target: { type: string; id: number | string | null; name: string };
  /** Whose organization it concerns: scopes who may read it. Null: system-wide. */
  organizationId: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** The client's address, for requests served outside the framework (the protocol endpoints); else the request context's. */
  ip?: string;
}

export type AuditSink = (entry: AuditEntry, db: EntityManager) => Promise<void>;

/**
 * Features report what they change; the audit library stores it, in the caller's transaction, so
 * a change and its audit row commit together. Features never import the audit library: it
 * attaches itself here, like notifications subscribe to domain events.
 */
@Injectable()
export class AuditTrail {
  private sinks: AuditSink[] = [];

  attach(sink: AuditSink): void {
    this.sinks = [...this.sinks, sink];
  }

  async record(entry: AuditEntry, db: EntityManager): Promise<void> {
    for (const sink of this.sinks) await sink(entry, db);
  }
}

/** Only what changed, on both sides: an edit that touched one field is recorded as that field. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Pick<AuditEntry, 'before' | 'after'> {
  const names = Object.keys(after).filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
  return { before: Object.fromEntries(names.map((name) => [name, before[name]])), after: Object.fromEntries(names.map((name) => [name, after[name]])) };
}
