import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SigningKeys1763890000000 implements MigrationInterface {
  name = 'SigningKeys1763890000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "oauth_signing_keys" ("kid" varchar(64) PRIMARY KEY NOT NULL, "publicKey" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "verifyUntil" datetime)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "oauth_signing_keys"`);
  }
}
