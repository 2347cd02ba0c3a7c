import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ClientPolicy1763960000000 implements MigrationInterface {
  name = 'ClientPolicy1763960000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `oauth_applications` ADD `allowedIpRanges` text NULL');
    await db.query('ALTER TABLE `oauth_applications` ADD `failedAuthCount` int NOT NULL DEFAULT 0');
    await db.query('ALTER TABLE `oauth_applications` ADD `lockedUntil` datetime NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `oauth_applications` DROP COLUMN `lockedUntil`');
    await db.query('ALTER TABLE `oauth_applications` DROP COLUMN `failedAuthCount`');
    await db.query('ALTER TABLE `oauth_applications` DROP COLUMN `allowedIpRanges`');
  }
}
