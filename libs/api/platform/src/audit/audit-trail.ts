import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ActingApplication } from '../request-context';

/**
 * The organizations a row concerns, which decide who may read it (whoever may view the trail in
 * any of them; operators read every row): what belongs to one organization names it, null for
 * what belongs to none (the platform itself: operators only); what concerns several, such as a
 * user or a user's sign-in, lists them all (none: operators only).
 */
export type AuditConcern = { organizationId: number | null; organizationIds?: never } | { organizationIds: readonly number[]; organizationId?: never };

/** One change, or one sign-in, as features report it. Values are plain data, never secrets. */
export type AuditEntry = AuditConcern & {
  /** `<target type>.<verb>`, e.g. `oauth_application.updated`, `session.sign_in_failed`. */
  action: string;
  /** Who did it: a back-office user, or null for the server itself or the operator's command line. */
  actorUserId: number | null;
  /** Who, when it is not a back-office user (a storefront customer signing in): their name as shown. */
  actorName?: string;
  target: { type: string; id: number | string | null; name: string };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** The client's address, for requests served outside the framework (the protocol endpoints); else the request context's. */
  ip?: string;
  /** The application the user acted through, for requests served outside the framework (a password sign-in); else the request context's (an access token's). */
  application?: ActingApplication;
};

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
