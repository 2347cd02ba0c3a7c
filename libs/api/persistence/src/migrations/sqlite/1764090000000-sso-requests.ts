import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SsoRequests1764090000000 implements MigrationInterface {
  name = 'SsoRequests1764090000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "sso_requests" ("stateDigest" varchar(64) PRIMARY KEY NOT NULL, "browserDigest" varchar(64) NOT NULL, "codeVerifier" varchar(128) NOT NULL, "expiresAt" datetime NOT NULL)`);
    await db.query(`CREATE INDEX "IDX_sso_requests_expires" ON "sso_requests" ("expiresAt")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "sso_requests"`);
  }
}
