import { Injectable } from '@nestjs/common';
import { AuditTrail, type AuditEntry } from '@keyhouse/api-platform';
import { isDuplicateKeyError } from '@keyhouse/api-persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { Installation } from '../entities';
import type { SubjectType } from '../subjects';

export interface Consenter {
  type: SubjectType;
  id: number;
  /** How the audit trail names a customer user (back-office users are named from their id). */
  name?: string;
}

/** Consents given to applications, one per application, organization and person. */
@Injectable()
export class Installations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /** An installation in one of these organizations whose consent already covers every requested scope. */
  async covering(applicationId: number, consenter: Consenter, organizationIds: number[], scope: string[]): Promise<Installation | undefined> {
    if (organizationIds.length === 0) return undefined;
    const candidates = await this.dataSource
      .getRepository(Installation)
      .createQueryBuilder('installation')
      .where('installation.applicationId = :applicationId AND installation.subjectType = :type AND installation.subjectId = :id', {
        applicationId,
        type: consenter.type,
        id: consenter.id,
      })
      .andWhere('installation.organizationId IN (:...organizationIds)', { organizationIds })
      .orderBy('installation.updatedAt', 'DESC')
      .getMany();
    return candidates.find((installation) => scope.every((s) => scopesOf(installation).includes(s)));
  }

  /**
   * Records the consent, or widens an earlier one to the new scopes. Two first consents at once
   * meet on the unique key (the loser reads the winner's row); the row lock orders later updates.
   */
  async record(db: EntityManager, application: { id: number; name: string }, organizationId: number, consenter: Consenter, scope: string[]): Promise<Installation> {
    const key = { applicationId: application.id, organizationId, subjectType: consenter.type, subjectId: consenter.id };
    const existing = await this.findLocked(db, key);
    if (!existing) {
      try {
        const installation = await db.getRepository(Installation).save(db.getRepository(Installation).create({ ...key, scope: scope.join(' ') }));
        await this.audit.record({ ...auditFrame(installation, application.name, consenter, 'oauth_installation.installed'), after: { scopes: scope } }, db);
        return installation;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
      }
    }
    const installation = existing ?? (await this.findLocked(db, key));
    if (!installation) throw new Error('The installation disappeared while it was being recorded.');
    const granted = scopesOf(installation);
    const widened = [...new Set([...granted, ...scope])];
    if (widened.length !== granted.length) {
      installation.scope = widened.join(' ');
      await db.getRepository(Installation).update({ id: installation.id }, { scope: installation.scope });
      await this.audit.record({ ...auditFrame(installation, application.name, consenter, 'oauth_installation.scopes_added'), before: { scopes: granted }, after: { scopes: widened } }, db);
    }
    return installation;
  }

  private findLocked(db: EntityManager, key: Pick<Installation, 'applicationId' | 'organizationId' | 'subjectType' | 'subjectId'>): Promise<Installation | null> {
    const query = db.getRepository(Installation).createQueryBuilder('installation').where(key);
    // SQLite has one writer at a time; MySQL needs the row lock to order two consents' updates.
    if (db.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
    return query.getOne();
  }
}

function auditFrame(installation: Installation, applicationName: string, consenter: Consenter, action: string): AuditEntry {
  return {
    action,
    actorUserId: consenter.type === 'user' ? consenter.id : null,
    ...(consenter.type === 'customer' ? { actorName: consenter.name ?? `customer ${consenter.id}` } : {}),
    target: { type: 'oauth_installation', id: installation.id, name: applicationName },
    organizationId: installation.organizationId,
  };
}

export function scopesOf(installation: Pick<Installation, 'scope'>): string[] {
  return installation.scope ? installation.scope.split(' ') : [];
}
