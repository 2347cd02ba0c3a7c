import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OAuthTokens1763880000000 implements MigrationInterface {
  name = 'OAuthTokens1763880000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "oauth_token_families" ("id" varchar(32) PRIMARY KEY NOT NULL, "applicationId" integer NOT NULL, "subjectType" varchar(16) NOT NULL, "subjectId" integer NOT NULL, "scope" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "revokedAt" datetime, CONSTRAINT "FK_9b2c309378fcdff91f930243c60" FOREIGN KEY ("applicationId") REFERENCES "oauth_applications" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(`CREATE INDEX "IDX_9b2c309378fcdff91f930243c6" ON "oauth_token_families" ("applicationId")`);
    await db.query(`CREATE TABLE "oauth_refresh_tokens" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "digest" varchar(64) NOT NULL, "familyId" varchar(32) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "expiresAt" datetime NOT NULL, "usedAt" datetime, CONSTRAINT "FK_9836d8dc6f7a979d6a11d7d3a70" FOREIGN KEY ("familyId") REFERENCES "oauth_token_families" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(`CREATE UNIQUE INDEX "IDX_53b12122957e1f782e2e7331f5" ON "oauth_refresh_tokens" ("digest")`);
    await db.query(`CREATE INDEX "IDX_9836d8dc6f7a979d6a11d7d3a7" ON "oauth_refresh_tokens" ("familyId")`);
    await db.query(`CREATE TABLE "oauth_revoked_access_tokens" ("jti" varchar(32) PRIMARY KEY NOT NULL, "expiresAt" datetime NOT NULL)`);
    await db.query(`CREATE INDEX "IDX_8f23fe0ba5b914545138d5faf4" ON "oauth_revoked_access_tokens" ("expiresAt")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "oauth_revoked_access_tokens"`);
    await db.query(`DROP TABLE "oauth_refresh_tokens"`);
    await db.query(`DROP TABLE "oauth_token_families"`);
  }
}
