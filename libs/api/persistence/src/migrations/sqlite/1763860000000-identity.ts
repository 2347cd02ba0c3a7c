import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INITIAL_ROLES } from '../roles';

export class Identity1763860000000 implements MigrationInterface {
  name = 'Identity1763860000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "organizations" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(255) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_9b7ca6d30b94fef571cff876884" UNIQUE ("name"))`);
    await db.query(`CREATE TABLE "roles" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(64) NOT NULL, "label" varchar(255) NOT NULL, "permissions" text NOT NULL, CONSTRAINT "UQ_648e3f5447f725579d7d4ffdfb7" UNIQUE ("name"))`);
    await db.query(`CREATE TABLE "users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "username" varchar(180) NOT NULL, "email" varchar(255) NOT NULL, "firstName" varchar(100) NOT NULL DEFAULT (''), "lastName" varchar(100) NOT NULL DEFAULT (''), "enabled" boolean NOT NULL DEFAULT (1), "passwordHash" varchar(255) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"))`);
    await db.query(`CREATE TABLE "admin_sessions" ("tokenDigest" varchar(64) PRIMARY KEY NOT NULL, "userId" integer NOT NULL, "csrfToken" varchar(64) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "expiresAt" datetime NOT NULL, CONSTRAINT "FK_0a8efb09a4f3200e8b81c3ebec4" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(`CREATE INDEX "IDX_0a8efb09a4f3200e8b81c3ebec" ON "admin_sessions" ("userId")`);
    await db.query(`CREATE INDEX "IDX_ec115ef7cff0e3a48125bf538d" ON "admin_sessions" ("expiresAt")`);
    await db.query(`CREATE TABLE "customer_users" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "email" varchar(255) NOT NULL, "firstName" varchar(100) NOT NULL DEFAULT (''), "lastName" varchar(100) NOT NULL DEFAULT (''), "enabled" boolean NOT NULL DEFAULT (1), "passwordHash" varchar(255) NOT NULL, "organizationId" integer NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_819088e4439c531484743e12852" UNIQUE ("email"), CONSTRAINT "FK_0de85bd05f73f473fbcec673307" FOREIGN KEY ("organizationId") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await db.query(`CREATE INDEX "IDX_0de85bd05f73f473fbcec67330" ON "customer_users" ("organizationId")`);
    await db.query(`CREATE TABLE "sign_in_failures" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "scope" varchar(16) NOT NULL, "subject" varchar(255) NOT NULL, "failedAt" datetime NOT NULL)`);
    await db.query(`CREATE INDEX "IDX_3b0921da77340436082cdc19d0" ON "sign_in_failures" ("scope", "subject", "failedAt")`);
    await db.query(`CREATE TABLE "user_organizations" ("userId" integer NOT NULL, "organizationId" integer NOT NULL, CONSTRAINT "FK_11d4cd5202bd8914464f4bec379" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "FK_71997faba4726730e91d514138e" FOREIGN KEY ("organizationId") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("userId", "organizationId"))`);
    await db.query(`CREATE INDEX "IDX_11d4cd5202bd8914464f4bec37" ON "user_organizations" ("userId")`);
    await db.query(`CREATE INDEX "IDX_71997faba4726730e91d514138" ON "user_organizations" ("organizationId")`);
    await db.query(`CREATE TABLE "user_roles" ("userId" integer NOT NULL, "roleId" integer NOT NULL, CONSTRAINT "FK_472b25323af01488f1f66a06b67" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "FK_86033897c009fcca8b6505d6be2" FOREIGN KEY ("roleId") REFERENCES "roles" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("userId", "roleId"))`);
    await db.query(`CREATE INDEX "IDX_472b25323af01488f1f66a06b6" ON "user_roles" ("userId")`);
    await db.query(`CREATE INDEX "IDX_86033897c009fcca8b6505d6be" ON "user_roles" ("roleId")`);
    for (const role of INITIAL_ROLES) {
      await db.query(`INSERT INTO "roles" ("name", "label", "permissions") VALUES (?, ?, ?)`, [role.name, role.label, role.permissions]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['user_roles', 'user_organizations', 'sign_in_failures', 'customer_users', 'admin_sessions', 'users', 'roles', 'organizations']) {
      await db.query(`DROP TABLE "${table}"`);
    }
  }
}
