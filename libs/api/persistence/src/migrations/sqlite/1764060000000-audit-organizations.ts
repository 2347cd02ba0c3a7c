import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditOrganizations1764060000000 implements MigrationInterface {
  name = 'AuditOrganizations1764060000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE "audit_event_organizations" ("eventId" integer NOT NULL, "organizationId" integer NOT NULL, CONSTRAINT "FK_audit_event_organizations_event" FOREIGN KEY ("eventId") REFERENCES "audit_events" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("eventId", "organizationId"))`,
    );
    await db.query(`CREATE INDEX "IDX_audit_event_organizations_organization" ON "audit_event_organizations" ("organizationId", "eventId")`);
    // Every row keeps the organization it had: who could read it still can.
    await db.query(`INSERT INTO "audit_event_organizations" ("eventId", "organizationId") SELECT "id", "organizationId" FROM "audit_events" WHERE "organizationId" IS NOT NULL`);
    // DROP COLUMN, never a rebuild: audit_events now has children that cascade on delete.
    await db.query(`DROP INDEX "IDX_audit_events_organization"`);
    await db.query(`ALTER TABLE "audit_events" DROP COLUMN "organizationId"`);
    await db.query(`ALTER TABLE "audit_events" ADD COLUMN "applicationId" integer`);
    await db.query(`ALTER TABLE "audit_events" ADD COLUMN "applicationClientId" varchar(32)`);
    await db.query(`ALTER TABLE "audit_events" ADD COLUMN "applicationName" varchar(255)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "audit_events" DROP COLUMN "applicationName"`);
    await db.query(`ALTER TABLE "audit_events" DROP COLUMN "applicationClientId"`);
    await db.query(`ALTER TABLE "audit_events" DROP COLUMN "applicationId"`);
    await db.query(`ALTER TABLE "audit_events" ADD COLUMN "organizationId" integer`);
    // One organization per row again: a row about several keeps the first.
    await db.query(`UPDATE "audit_events" SET "organizationId" = (SELECT MIN("organizationId") FROM "audit_event_organizations" WHERE "eventId" = "audit_events"."id")`);
    await db.query(`CREATE INDEX "IDX_audit_events_organization" ON "audit_events" ("organizationId", "at") `);
    await db.query(`DROP TABLE "audit_event_organizations"`);
  }
}
