import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ClientAuthThrottle1764030000000 implements MigrationInterface {
  name = 'ClientAuthThrottle1764030000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "oauth_client_auth_throttles" ("applicationId" integer NOT NULL, "address" varchar(64) NOT NULL, "failures" integer NOT NULL, "windowEndsAt" datetime NOT NULL, "throttledUntil" datetime, CONSTRAINT "FK_oauth_client_auth_throttles_application" FOREIGN KEY ("applicationId") REFERENCES "oauth_applications" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("applicationId", "address"))`,
    );
    await db.query(`CREATE INDEX "IDX_oauth_client_auth_throttles_window" ON "oauth_client_auth_throttles" ("windowEndsAt")`);
    // The lock of the whole application goes: anyone who knew its client ID could set it off.
    // DROP COLUMN, never a rebuild: oauth_applications has children that cascade on delete, and
    // neither column has the index or constraint that would make SQLite refuse it.
    await db.query(`ALTER TABLE "oauth_applications" DROP COLUMN "lockedUntil"`);
    await db.query(`ALTER TABLE "oauth_applications" DROP COLUMN "failedAuthCount"`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "oauth_applications" ADD COLUMN "failedAuthCount" integer NOT NULL DEFAULT (0)`);
    await db.query(`ALTER TABLE "oauth_applications" ADD COLUMN "lockedUntil" datetime`);
    await db.query(`DROP TABLE "oauth_client_auth_throttles"`);
  }
}
