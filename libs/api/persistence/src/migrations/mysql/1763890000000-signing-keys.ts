import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SigningKeys1763890000000 implements MigrationInterface {
  name = 'SigningKeys1763890000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE TABLE `oauth_signing_keys` (`kid` varchar(64) NOT NULL, `publicKey` text NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `verifyUntil` datetime NULL, PRIMARY KEY (`kid`)) ENGINE=InnoDB');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `oauth_signing_keys`');
  }
}
