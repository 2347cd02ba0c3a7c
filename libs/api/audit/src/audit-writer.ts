import { Injectable, type OnModuleInit } from '@nestjs/common';
import { APPLICATION_EVENTS, type ApplicationEvent, type ApplicationEventType } from '@keyhouse/shared-contracts';
import { AuditTrail, currentRequest, DomainEvents, type AuditEntry } from '@keyhouse/api-platform';
import type { EntityManager } from 'typeorm';
import { AuditEventOrganization } from './audit-event-organization.entity';
import { AuditEvent } from './audit-event.entity';
import { concernedOrganizations } from './concerned-organizations';
import { redact } from './redact';

/** Said of changes nobody signed in made: the server's own jobs and the operator's command line. */
const SYSTEM_ACTOR = 'system';

// Application events that are changes, as audit actions; `secret_expiring` is a reminder, not a change.
const AUDITED_APPLICATION_EVENTS = APPLICATION_EVENTS.filter((type) => type !== 'oauth_application.secret_expiring');

/**
 * Stores what features report to the audit trail, and what applications publish as events, in
 * the transaction of the change itself.
 */
@Injectable()
export class AuditWriter implements OnModuleInit {
  constructor(
    private readonly trail: AuditTrail,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.trail.attach((entry, db) => this.write(entry, db));
    this.events.subscribe<ApplicationEvent>(AUDITED_APPLICATION_EVENTS, (event, db) => this.write(fromApplicationEvent(event), db));
  }

  /** The row and the organizations it concerns commit together: in the change's transaction, or in their own (a sign-in). */
  async write(entry: AuditEntry, db: EntityManager): Promise<void> {
    if (!db.queryRunner?.isTransactionActive) return db.transaction((inTransaction) => this.write(entry, inTransaction));
    const application = entry.application ?? currentRequest()?.application;
    const { identifiers } = await db.getRepository(AuditEvent).insert({
      action: entry.action,
      actorUserId: entry.actorUserId,
      actorName: entry.actorName ?? (await this.userName(entry.actorUserId, db)),
      applicationId: application?.id ?? null,
      applicationClientId: application?.clientId ?? null,
      applicationName: application ? await this.applicationName(application.id, db) : null,
      targetType: entry.target.type,
      targetId: entry.target.id === null ? null : String(entry.target.id),
      targetName: entry.target.name.slice(0, 255),
      ip: entry.ip ?? currentRequest()?.ip ?? null,
      before: entry.before ? JSON.stringify(redact(entry.before)) : null,
      after: entry.after ? JSON.stringify(redact(entry.after)) : null,
    });
    const eventId = Number(identifiers[0]?.['id']);
    const organizationIds = concernedOrganizations(entry);
    if (organizationIds.length) await db.getRepository(AuditEventOrganization).insert(organizationIds.map((organizationId) => ({ eventId, organizationId })));
  }

  // Plain SQL for the names: users belong to identity, applications to theirs, and this library imports neither.
  private async userName(userId: number | null, db: EntityManager): Promise<string> {
    if (userId === null) return SYSTEM_ACTOR;
    const [row] = (await db.query('SELECT username FROM users WHERE id = ?', [userId])) as Array<{ username: string }>;
    return row?.username ?? `user ${userId}`;
  }

  private async applicationName(applicationId: number, db: EntityManager): Promise<string> {
    const [row] = (await db.query('SELECT name FROM oauth_applications WHERE id = ?', [applicationId])) as Array<{ name: string }>;
    return row?.name ?? `application ${applicationId}`;
  }
}

function fromApplicationEvent(event: ApplicationEvent): AuditEntry {
  const { application } = event;
  const snapshot = { ...application };
  const credential = event.secret && { credential: { id: event.secret.id, expiresAt: event.secret.expiresAt, previousExpiresAt: event.secret.previousExpiresAt } };
  const type: ApplicationEventType = event.type;
  return {
    action: type,
    actorUserId: event.actorUserId,
    target: { type: 'oauth_application', id: application.id, name: application.name },
    organizationId: application.organizationId,
    before: type === 'oauth_application.deleted' ? snapshot : type === 'oauth_application.deactivated' ? { active: true } : null,
    after: type === 'oauth_application.created' ? snapshot : type === 'oauth_application.deactivated' ? { active: false } : (credential ?? null),
  };
}
