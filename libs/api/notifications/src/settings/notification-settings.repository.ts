import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationRule } from '../entities';

/** The queries rules and templates share when one is created. */
@Injectable()
export class NotificationSettingsRepository {
  /**
   * Takes the event's platform rule (every event has one, and it is never deleted) as the lock
   * under which anything of that event is created, so that two creations of one setting run one
   * after the other and the second finds the first. The unique indexes already refuse a second
   * override; this also covers the platform's own rows, whose NULL organization no unique index
   * compares. It must be the transaction's first read: on MySQL, a locking read does not open
   * InnoDB's read view, so the check that follows sees what the transaction waited for. SQLite
   * runs one transaction at a time (see sqlite-gate), so there it needs no lock. False when the
   * event has no platform rule.
   */
  async lockEvent(db: EntityManager, event: string): Promise<boolean> {
    const query = db
      .getRepository(NotificationRule)
      .createQueryBuilder('rule')
      .select('rule.id')
      .where('rule.event = :event AND rule.organizationId IS NULL', { event });
    if (db.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
    return (await query.getOne()) !== null;
  }

  /** An operator may name any id: asked first, as the foreign key would refuse a missing organization with a 500. */
  async organizationExists(db: EntityManager, organizationId: number): Promise<boolean> {
    const rows = (await db.query('SELECT id FROM organizations WHERE id = ?', [organizationId])) as unknown[];
    return rows.length > 0;
  }
}
