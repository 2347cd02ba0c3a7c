import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyless clients (private_key_jwt, RFC 7523): how each application authenticates, the public keys
 * or the URL of those of a client that signs assertions, and the assertions already used. Existing
 * applications keep their secrets; public clients authenticate with nothing (`none`).
 */
export class PrivateKeyJwt1764074000000 implements MigrationInterface {
  name = 'PrivateKeyJwt1764074000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query("ALTER TABLE `oauth_applications` ADD `tokenEndpointAuthMethod` varchar(32) NOT NULL DEFAULT 'client_secret_basic'");
    await db.query('ALTER TABLE `oauth_applications` ADD `jwks` text NULL');
    await db.query('ALTER TABLE `oauth_applications` ADD `jwksUri` varchar(2000) NULL');
    await db.query("UPDATE `oauth_applications` SET `tokenEndpointAuthMethod` = 'none' WHERE `confidential` = 0");
    await db.query(
      'CREATE TABLE `oauth_used_client_assertions` (`digest` varchar(64) NOT NULL, `expiresAt` datetime NOT NULL, INDEX `IDX_oauth_used_client_assertions_expires` (`expiresAt`), PRIMARY KEY (`digest`)) ENGINE=InnoDB',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `oauth_used_client_assertions`');
    await db.query('ALTER TABLE `oauth_applications` DROP COLUMN `jwksUri`');
    await db.query('ALTER TABLE `oauth_applications` DROP COLUMN `jwks`');
    await db.query('ALTER TABLE `oauth_applications` DROP COLUMN `tokenEndpointAuthMethod`');
  }
}
