import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SsoRequests1764090000000 implements MigrationInterface {
  name = 'SsoRequests1764090000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'CREATE TABLE `sso_requests` (`stateDigest` varchar(64) NOT NULL, `browserDigest` varchar(64) NOT NULL, `codeVerifier` varchar(128) NOT NULL, `expiresAt` datetime NOT NULL, INDEX `IDX_sso_requests_expires` (`expiresAt`), PRIMARY KEY (`stateDigest`)) ENGINE=InnoDB',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `sso_requests`');
  }
}
