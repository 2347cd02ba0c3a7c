import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OAuthApplication } from '../entities';
import { dormantCondition } from './dormancy';

/**
 * The dormancy policy's queries. They act for no one, so they read across organizations; each
 * change is a conditional UPDATE that exactly one of any number of instances wins.
 */
@Injectable()
export class DormantApplicationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Active dormant applications whose owner was not warned yet, longest unused first. */
  dueForWarning(before: Date, limit: number): Promise<OAuthApplication[]> {
    return this.dataSource
      .getRepository(OAuthApplication)
      .createQueryBuilder('application')
      .where('application.active = :active AND application.dormantWarnedAt IS NULL', { active: true })
      .andWhere(dormantCondition('application', 'before'), { before })
      .orderBy('COALESCE(application.lastUsedAt, application.createdAt)', 'ASC')
      .addOrderBy('application.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * Marks the application as warned, if it still needs it. `updatedAt` is assigned itself: a
   * warning is not an edit (and MySQL's ON UPDATE must not touch it).
   */
  async claimWarning(db: EntityManager, id: number, now: Date, before: Date): Promise<boolean> {
    const result = await db
      .createQueryBuilder()
      .update(OAuthApplication)
      .set({ dormantWarnedAt: now, updatedAt: () => 'updatedAt' })
      .where('id = :id AND active = :active AND dormantWarnedAt IS NULL', { id, active: true })
      .andWhere(dormantCondition('oauth_applications', 'before'), { before })
      .execute();
    return result.affected === 1;
  }

  /** Active applications warned before `warnedBefore` and still dormant: their grace period is over. */
  dueForDeactivation(before: Date, warnedBefore: Date, limit: number): Promise<OAuthApplication[]> {
    return this.dataSource
      .getRepository(OAuthApplication)
      .createQueryBuilder('application')
      .where('application.dormantWarnedAt <= :warnedBefore AND application.active = :active', { warnedBefore, active: true })
      .andWhere(dormantCondition('application', 'before'), { before })
      .orderBy('application.dormantWarnedAt', 'ASC')
      .addOrderBy('application.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * Takes the deactivation of the application for this instance, if it is still due: clears the
   * warning, which the row lock (MySQL) or the single writer (SQLite) keeps from anyone else
   * until the transaction ends. Used again meanwhile, the warning is gone already.
   */
  async claimDeactivation(db: EntityManager, id: number, before: Date, warnedBefore: Date): Promise<boolean> {
    const result = await db
      .createQueryBuilder()
      .update(OAuthApplication)
      .set({ dormantWarnedAt: null, updatedAt: () => 'updatedAt' })
      .where('id = :id AND active = :active AND dormantWarnedAt <= :warnedBefore', { id, active: true, warnedBefore })
      .andWhere(dormantCondition('oauth_applications', 'before'), { before })
      .execute();
    return result.affected === 1;
  }
}
