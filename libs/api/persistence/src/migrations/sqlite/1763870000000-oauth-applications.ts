import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToRole, OAUTH_APPLICATION_PERMISSIONS, revokeFromRole } from '../roles';

export class OAuthApplications1763870000000 implements MigrationInterface {
  name = 'OAuthApplications1763870000000';

  async up(db: QueryRunner): Promise<void> {
    // NOCASE: names sort and stay unique regardless of letter case, as MySQL's utf8mb4_unicode_ci does.
    await db.query(`CREATE TABLE "oauth_applications" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "organizationId" integer NOT NULL, "name" varchar(255) NOT NULL COLLATE NOCASE, "slug" varchar(100) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "grants" varchar(100) NOT NULL, "frontend" boolean NOT NULL DEFAULT (0), "userId" integer, "customerUserId" integer, "confidential" boolean NOT NULL DEFAULT (1), "redirectUris" text NOT NULL, "scopes" text NOT NULL, "accessTokenTtl" integer, "clientId" varchar(32) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), "lastUsedAt" datetime, "createdBy" integer, CONSTRAINT "UQ_79b5c308457b66620eb0075e44e" UNIQUE ("slug"), CONSTRAINT "UQ_41a1b847d3f21172a290c2e8917" UNIQUE ("clientId"), CONSTRAINT "FK_dd4495aece372fd99e4d0d7674c" FOREIGN KEY ("organizationId") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_89e048995303be477b78de5b182" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_966918cd9493160947a52b829dc" FOREIGN KEY ("customerUserId") REFERENCES "customer_users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_05213fe59e0e546c9cd1828dfb9" FOREIGN KEY ("createdBy") REFERENCES "users" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`);
    await db.query(`CREATE INDEX "IDX_89e048995303be477b78de5b18" ON "oauth_applications" ("userId")`);
    await db.query(`CREATE INDEX "IDX_966918cd9493160947a52b829d" ON "oauth_applications" ("customerUserId")`);
    await db.query(`CREATE INDEX "IDX_oauth_applications_last_used" ON "oauth_applications" ("lastUsedAt", "organizationId")`);
    await db.query(`CREATE INDEX "IDX_oauth_applications_created" ON "oauth_applications" ("createdAt", "organizationId")`);
    await db.query(`CREATE UNIQUE INDEX "IDX_oauth_applications_name" ON "oauth_applications" ("name", "organizationId")`);
    await db.query(`CREATE TABLE "oauth_client_secrets" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "applicationId" integer NOT NULL, "digest" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "expiresAt" datetime, "lastUsedAt" datetime, CONSTRAINT "FK_8a0e59cf161ce94039f6e7995bb" FOREIGN KEY ("applicationId") REFERENCES "oauth_applications" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(`CREATE INDEX "IDX_8a0e59cf161ce94039f6e7995b" ON "oauth_client_secrets" ("applicationId")`);
    await grantToRole(db, 'ROLE_ADMINISTRATOR', OAUTH_APPLICATION_PERMISSIONS);
  }

  async down(db: QueryRunner): Promise<void> {
    await revokeFromRole(db, 'ROLE_ADMINISTRATOR', OAUTH_APPLICATION_PERMISSIONS);
    await db.query(`DROP TABLE "oauth_client_secrets"`);
    await db.query(`DROP TABLE "oauth_applications"`);
  }
}
