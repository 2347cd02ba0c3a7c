import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToRole, INSTALLATION_PERMISSIONS, revokeFromRole } from '../roles';

export class AuthorizationCodes1763920000000 implements MigrationInterface {
  name = 'AuthorizationCodes1763920000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "oauth_applications" ADD COLUMN "firstParty" boolean NOT NULL DEFAULT (0)`);
    await db.query(`ALTER TABLE "oauth_applications" ADD COLUMN "allowPlainPkce" boolean NOT NULL DEFAULT (0)`);
    await db.query(`ALTER TABLE "oauth_applications" ADD COLUMN "installUrl" varchar(2000)`);
    await db.query(`CREATE TABLE "customer_sessions" ("tokenDigest" varchar(64) PRIMARY KEY NOT NULL, "customerUserId" integer NOT NULL, "csrfToken" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "expiresAt" datetime NOT NULL, CONSTRAINT "FK_053831f69296c030bc262920da9" FOREIGN KEY ("customerUserId") REFERENCES "customer_users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(`CREATE INDEX "IDX_customer_sessions_customer" ON "customer_sessions" ("customerUserId") `);
    await db.query(`CREATE INDEX "IDX_customer_sessions_expires" ON "customer_sessions" ("expiresAt") `);
    await db.query(`CREATE TABLE "oauth_installations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "applicationId" integer NOT NULL, "organizationId" integer NOT NULL, "subjectType" varchar(16) NOT NULL, "subjectId" integer NOT NULL, "scope" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "FK_b9660c2a8460ff4eef9f5a6d1b8" FOREIGN KEY ("applicationId") REFERENCES "oauth_applications" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_67efc0d4d16986dbc77ee486975" FOREIGN KEY ("organizationId") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(`CREATE INDEX "IDX_oauth_installations_organization" ON "oauth_installations" ("organizationId") `);
    await db.query(`CREATE INDEX "IDX_oauth_installations_subject" ON "oauth_installations" ("subjectType", "subjectId") `);
    await db.query(`CREATE UNIQUE INDEX "UQ_oauth_installations_consent" ON "oauth_installations" ("applicationId", "organizationId", "subjectType", "subjectId") `);
    await db.query(`ALTER TABLE "oauth_token_families" ADD COLUMN "installationId" integer`);
    await db.query(`CREATE INDEX "IDX_oauth_token_families_installation" ON "oauth_token_families" ("installationId") `);
    await db.query(`CREATE TABLE "oauth_authorization_codes" ("digest" varchar(64) PRIMARY KEY NOT NULL, "applicationId" integer NOT NULL, "installationId" integer NOT NULL, "familyId" varchar(32) NOT NULL, "redirectUri" varchar(2000) NOT NULL, "redirectUriSent" boolean NOT NULL, "scope" text NOT NULL, "codeChallenge" varchar(128), "codeChallengeMethod" varchar(8), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "expiresAt" datetime NOT NULL, "usedAt" datetime, CONSTRAINT "FK_02d8b0b319d2cb8dd1cb3de5c3d" FOREIGN KEY ("applicationId") REFERENCES "oauth_applications" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_26210682e50df73b6ecedc10c4b" FOREIGN KEY ("installationId") REFERENCES "oauth_installations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_3dd62bdd854ad557fc79e69d53f" FOREIGN KEY ("familyId") REFERENCES "oauth_token_families" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(`CREATE INDEX "IDX_oauth_authorization_codes_application" ON "oauth_authorization_codes" ("applicationId") `);
    await db.query(`CREATE INDEX "IDX_oauth_authorization_codes_installation" ON "oauth_authorization_codes" ("installationId") `);
    await db.query(`CREATE INDEX "IDX_oauth_authorization_codes_family" ON "oauth_authorization_codes" ("familyId") `);
    await db.query(`CREATE INDEX "IDX_oauth_authorization_codes_expires" ON "oauth_authorization_codes" ("expiresAt") `);
    await grantToRole(db, 'ROLE_ADMINISTRATOR', INSTALLATION_PERMISSIONS);
  }

  async down(db: QueryRunner): Promise<void> {
    await revokeFromRole(db, 'ROLE_ADMINISTRATOR', INSTALLATION_PERMISSIONS);
    await db.query(`DROP TABLE "oauth_authorization_codes"`);
    await db.query(`DROP INDEX "IDX_oauth_token_families_installation"`);
    await db.query(`ALTER TABLE "oauth_token_families" DROP COLUMN "installationId"`);
    await db.query(`DROP TABLE "oauth_installations"`);
    await db.query(`DROP TABLE "customer_sessions"`);
    await db.query(`ALTER TABLE "oauth_applications" DROP COLUMN "installUrl"`);
    await db.query(`ALTER TABLE "oauth_applications" DROP COLUMN "allowPlainPkce"`);
    await db.query(`ALTER TABLE "oauth_applications" DROP COLUMN "firstParty"`);
  }
}
