import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenIdConnect1764072000000 implements MigrationInterface {
  name = 'OpenIdConnect1764072000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `oauth_authorization_codes` ADD `nonce` varchar(512) NULL, ADD `authTime` datetime NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `oauth_authorization_codes` DROP COLUMN `authTime`, DROP COLUMN `nonce`');
  }
}
