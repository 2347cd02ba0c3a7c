import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ClientSecret, type OAuthApplication } from '../entities';

export type SecretWithApplication = ClientSecret & { application: OAuthApplication };

/**
 * The queries on an application's secrets. Callers reach them through an application they were
 * allowed to see (OAuthApplicationsRepository.findVisible), so each takes that application's id;
 * only the expiry check, which acts for no one, reads across applications.
 */
@Injectable()
export class ClientSecretsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every secret of the application, live or expired, newest first. */
  list(applicationId: number): Promise<ClientSecret[]> {
    return this.dataSource.getRepository(ClientSecret).find({ where: { applicationId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  findOne(db: EntityManager, applicationId: number, id: number): Promise<ClientSecret | null> {
    return db.getRepository(ClientSecret).findOneBy({ applicationId, id });
  }

  /**
   * Holds the application's row until the transaction ends, so concurrent rotations of one
   * application count its live secrets one after the other. MySQL only: SQLite has no row locks,
   * so there the limit is checked without one (it is a guard against mistakes, not a boundary).
   */
  async lockApplication(db: EntityManager, applicationId: number): Promise<void> {
    const type = db.dataSource.options.type;
    if (type === 'mysql' || type === 'mariadb') await db.query('SELECT id FROM oauth_applications WHERE id = ? FOR UPDATE', [applicationId]);
  }

  countLive(db: EntityManager, applicationId: number, now: Date): Promise<number> {
    return db
      .getRepository(ClientSecret)
      .createQueryBuilder('secret')
      .where('secret.applicationId = :applicationId', { applicationId })
      .andWhere('(secret.expiresAt IS NULL OR secret.expiresAt > :now)', { now })
      .getCount();
  }

  /**
   * Sets every secret of the application that would outlive `until` to expire then; those
   * expiring earlier keep their time. `warnedAt` marks them as already warned of their expiry.
   */
  async expireAllAfter(db: EntityManager, applicationId: number, until: Date, warnedAt: Date | null): Promise<void> {
    await db
      .createQueryBuilder()
      .update(ClientSecret)
      .set(warnedAt ? { expiresAt: until, expiryWarnedAt: warnedAt } : { expiresAt: until })
      .where('applicationId = :applicationId AND (expiresAt IS NULL OR expiresAt > :until)', { applicationId, until })
      .execute();
  }

  async insert(db: EntityManager, applicationId: number, digest: string, expiresAt: Date | null): Promise<ClientSecret> {
    const { identifiers } = await db.getRepository(ClientSecret).insert({ applicationId, digest, expiresAt });
    return db.getRepository(ClientSecret).findOneByOrFail({ id: Number(identifiers[0]['id']) });
  }

  async delete(db: EntityManager, id: number): Promise<void> {
    await db.getRepository(ClientSecret).delete({ id });
  }

  /** Secrets expiring between now and `horizon` whose owner was not warned yet, soonest first, with their application. */
  async dueForWarning(now: Date, horizon: Date, limit: number): Promise<SecretWithApplication[]> {
    const due = await this.dataSource
      .getRepository(ClientSecret)
      .createQueryBuilder('secret')
      .innerJoinAndSelect('secret.application', 'application')
      .where('secret.expiresAt > :now AND secret.expiresAt <= :horizon', { now, horizon })
      .andWhere('secret.expiryWarnedAt IS NULL')
      .orderBy('secret.expiresAt', 'ASC')
      .addOrderBy('secret.id', 'ASC')
      .limit(limit)
      .getMany();
    // The inner join loaded every secret's application.
    return due as SecretWithApplication[];
  }

  /**
   * Marks the secret as warned, if no one did yet: a conditional UPDATE that exactly one of any
   * number of instances wins, so exactly one warning is queued.
   */
  async claimWarning(db: EntityManager, id: number, now: Date): Promise<boolean> {
    const result = await db
      .createQueryBuilder()
      .update(ClientSecret)
      .set({ expiryWarnedAt: now })
      .where('id = :id AND expiryWarnedAt IS NULL AND expiresAt > :now', { id, now })
      .execute();
    return result.affected === 1;
  }
}
