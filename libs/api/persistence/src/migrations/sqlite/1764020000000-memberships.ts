import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addMembershipRoles, makeFirstAdministratorOperator, removeMembershipRoles, ROLES_OF_MEMBERSHIPS, ROLES_OF_USERS } from '../roles';

const ROLES = `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "name" varchar(64) NOT NULL, "label" varchar(255) NOT NULL, "permissions" text NOT NULL`;
const ROLES_UNIQUE = `CONSTRAINT "UQ_648e3f5447f725579d7d4ffdfb7" UNIQUE ("name")`;

/**
 * Roles move from users to their memberships; platform operators; roles of one organization.
 * SQLite adds a foreign key only by rebuilding the table, and dropping `roles` while anything
 * refers to it would cascade: the roles being moved wait in a plain table meanwhile.
 */
export class Memberships1764020000000 implements MigrationInterface {
  name = 'Memberships1764020000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "membership_roles_moving" AS ${ROLES_OF_MEMBERSHIPS}`);
    await db.query(`ALTER TABLE "users" ADD COLUMN "platformOperator" boolean NOT NULL DEFAULT (0)`);
    await makeFirstAdministratorOperator(db);
    await db.query(`DROP TABLE "user_roles"`);
    await rebuildRoles(db, true);
    await addMembershipRoles(db);
    await db.query(`CREATE TABLE "membership_roles" ("userId" integer NOT NULL, "organizationId" integer NOT NULL, "roleId" integer NOT NULL, CONSTRAINT "FK_fede5f2bf3933f24eca54791029" FOREIGN KEY ("userId", "organizationId") REFERENCES "user_organizations" ("userId", "organizationId") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "FK_d7d9755d2a13d881a7e91af6c33" FOREIGN KEY ("roleId") REFERENCES "roles" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("userId", "organizationId", "roleId"))`);
    await db.query(`CREATE INDEX "IDX_fede5f2bf3933f24eca5479102" ON "membership_roles" ("userId", "organizationId")`);
    await db.query(`CREATE INDEX "IDX_d7d9755d2a13d881a7e91af6c3" ON "membership_roles" ("roleId")`);
    await db.query(`INSERT INTO "membership_roles" ("userId", "organizationId", "roleId") SELECT "userId", "organizationId", "roleId" FROM "membership_roles_moving"`);
    await db.query(`DROP TABLE "membership_roles_moving"`);
  }

  async down(db: QueryRunner): Promise<void> {
    await removeMembershipRoles(db);
    await db.query(`CREATE TABLE "user_roles_moving" AS ${ROLES_OF_USERS}`);
    await db.query(`DROP TABLE "membership_roles"`);
    await rebuildRoles(db, false);
    await db.query(`CREATE TABLE "user_roles" ("userId" integer NOT NULL, "roleId" integer NOT NULL, CONSTRAINT "FK_472b25323af01488f1f66a06b67" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE, CONSTRAINT "FK_86033897c009fcca8b6505d6be2" FOREIGN KEY ("roleId") REFERENCES "roles" ("id") ON DELETE CASCADE ON UPDATE CASCADE, PRIMARY KEY ("userId", "roleId"))`);
    await db.query(`CREATE INDEX "IDX_472b25323af01488f1f66a06b6" ON "user_roles" ("userId")`);
    await db.query(`CREATE INDEX "IDX_86033897c009fcca8b6505d6be" ON "user_roles" ("roleId")`);
    await db.query(`INSERT INTO "user_roles" ("userId", "roleId") SELECT "userId", "roleId" FROM "user_roles_moving"`);
    await db.query(`DROP TABLE "user_roles_moving"`);
    await db.query(`ALTER TABLE "users" DROP COLUMN "platformOperator"`);
  }
}

/** `roles` with or without its organization, rebuilt while nothing refers to it. */
async function rebuildRoles(db: QueryRunner, withOrganization: boolean): Promise<void> {
  const columns = withOrganization
    ? `${ROLES}, "organizationId" integer, ${ROLES_UNIQUE}, CONSTRAINT "FK_0933e1dfb2993d672af1a98f08e" FOREIGN KEY ("organizationId") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION`
    : `${ROLES}, ${ROLES_UNIQUE}`;
  if (!withOrganization) await db.query(`DROP INDEX "IDX_roles_organization"`);
  await db.query(`CREATE TABLE "temporary_roles" (${columns})`);
  await db.query(`INSERT INTO "temporary_roles" ("id", "name", "label", "permissions") SELECT "id", "name", "label", "permissions" FROM "roles"`);
  await db.query(`DROP TABLE "roles"`);
  await db.query(`ALTER TABLE "temporary_roles" RENAME TO "roles"`);
  if (withOrganization) await db.query(`CREATE INDEX "IDX_roles_organization" ON "roles" ("organizationId")`);
}
