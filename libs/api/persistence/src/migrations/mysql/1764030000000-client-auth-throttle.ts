import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ClientAuthThrottle1764030000000 implements MigrationInterface {
  name = 'ClientAuthThrottle1764030000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'CREATE TABLE `oauth_client_auth_throttles` (`applicationId` int NOT NULL, `address` varchar(64) NOT NULL, `failures` int NOT NULL, `windowEndsAt` datetime NOT NULL, `throttledUntil` datetime NULL, INDEX `IDX_oauth_client_auth_throttles_window` (`windowEndsAt`), PRIMARY KEY (`applicationId`, `address`)) ENGINE=InnoDB',
    );
    await db.query(
      'ALTER TABLE `oauth_client_auth_throttles` ADD CONSTRAINT `FK_oauth_client_auth_throttles_application` FOREIGN KEY (`applicationId`) REFERENCES `oauth_applications`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // The lock of the whole application goes: anyone who knew its client ID could set it off.
    await db.query('ALTER TABLE `oauth_applications` DROP COLUMN `lockedUntil`');
    await db.query('ALTER TABLE `oauth_applications` DROP COLUMN `failedAuthCount`');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `oauth_applications` ADD `failedAuthCount` int NOT NULL DEFAULT 0 AFTER `allowedIpRanges`');
    await db.query('ALTER TABLE `oauth_applications` ADD `lockedUntil` datetime NULL AFTER `failedAuthCount`');
    await db.query('DROP TABLE `oauth_client_auth_throttles`');
  }
}
