import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UserLocale1763910000000 implements MigrationInterface {
  name = 'UserLocale1763910000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "users" ADD COLUMN "locale" varchar(16) NOT NULL DEFAULT ('en')`);
    await db.query(`ALTER TABLE "customer_users" ADD COLUMN "locale" varchar(16) NOT NULL DEFAULT ('en')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "customer_users" DROP COLUMN "locale"`);
    await db.query(`ALTER TABLE "users" DROP COLUMN "locale"`);
  }
}
