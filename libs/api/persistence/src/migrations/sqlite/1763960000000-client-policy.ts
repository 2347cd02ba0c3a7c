import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ClientPolicy1763960000000 implements MigrationInterface {
  name = 'ClientPolicy1763960000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "oauth_applications" ADD COLUMN "allowedIpRanges" text`);
    await db.query(`ALTER TABLE "oauth_applications" ADD COLUMN "failedAuthCount" integer NOT NULL DEFAULT (0)`);
    await db.query(`ALTER TABLE "oauth_applications" ADD COLUMN "lockedUntil" datetime`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "oauth_applications" DROP COLUMN "lockedUntil"`);
    await db.query(`ALTER TABLE "oauth_applications" DROP COLUMN "failedAuthCount"`);
    await db.query(`ALTER TABLE "oauth_applications" DROP COLUMN "allowedIpRanges"`);
  }
}
