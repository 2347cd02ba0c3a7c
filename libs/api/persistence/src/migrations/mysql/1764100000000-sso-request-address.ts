import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-ons waiting for the provider are counted per client address. The table only holds
 * sign-ins started in the last ten minutes, whose address is unknown: they are dropped, and a
 * sign-in in progress during the upgrade is asked to start over.
 */
export class SsoRequestAddress1764100000000 implements MigrationInterface {
  name = 'SsoRequestAddress1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('DELETE FROM `sso_requests`');
    await db.query('ALTER TABLE `sso_requests` ADD `ip` varchar(45) NOT NULL');
    await db.query('CREATE INDEX `IDX_sso_requests_ip_expires` ON `sso_requests` (`ip`, `expiresAt`)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX `IDX_sso_requests_ip_expires` ON `sso_requests`');
    await db.query('ALTER TABLE `sso_requests` DROP COLUMN `ip`');
  }
}
