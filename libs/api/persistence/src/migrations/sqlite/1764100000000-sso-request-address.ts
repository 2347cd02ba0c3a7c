import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-ons waiting for the provider are counted per client address. The table only holds
 * sign-ins started in the last ten minutes and SQLite cannot add a column without a default, so
 * it is made again: a sign-in in progress during the upgrade is asked to start over.
 */
export class SsoRequestAddress1764100000000 implements MigrationInterface {
  name = 'SsoRequestAddress1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "sso_requests"`);
    await db.query(
      `CREATE TABLE "sso_requests" ("stateDigest" varchar(64) PRIMARY KEY NOT NULL, "browserDigest" varchar(64) NOT NULL, "codeVerifier" varchar(128) NOT NULL, "expiresAt" datetime NOT NULL, "ip" varchar(45) NOT NULL)`,
    );
    await db.query(`CREATE INDEX "IDX_sso_requests_expires" ON "sso_requests" ("expiresAt")`);
    await db.query(`CREATE INDEX "IDX_sso_requests_ip_expires" ON "sso_requests" ("ip", "expiresAt")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "sso_requests"`);
    await db.query(`CREATE TABLE "sso_requests" ("stateDigest" varchar(64) PRIMARY KEY NOT NULL, "browserDigest" varchar(64) NOT NULL, "codeVerifier" varchar(128) NOT NULL, "expiresAt" datetime NOT NULL)`);
    await db.query(`CREATE INDEX "IDX_sso_requests_expires" ON "sso_requests" ("expiresAt")`);
  }
}
