import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_PERMISSIONS, grantToRole, revokeFromRole } from '../roles';

export class AuditEvents1763970000000 implements MigrationInterface {
  name = 'AuditEvents1763970000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "audit_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime(6) NOT NULL DEFAULT (datetime('now')), "action" varchar(64) NOT NULL, "actorUserId" integer, "actorName" varchar(255) NOT NULL, "targetType" varchar(64) NOT NULL, "targetId" varchar(64), "targetName" varchar(255) NOT NULL, "organizationId" integer, "ip" varchar(64), "before" text, "after" text)`);
    await db.query(`CREATE INDEX "IDX_audit_events_at" ON "audit_events" ("at") `);
    await db.query(`CREATE INDEX "IDX_audit_events_actor" ON "audit_events" ("actorUserId", "at") `);
    await db.query(`CREATE INDEX "IDX_audit_events_target" ON "audit_events" ("targetType", "targetId") `);
    await db.query(`CREATE INDEX "IDX_audit_events_organization" ON "audit_events" ("organizationId", "at") `);
    await grantToRole(db, 'ROLE_ADMINISTRATOR', AUDIT_PERMISSIONS);
  }

  async down(db: QueryRunner): Promise<void> {
    await revokeFromRole(db, 'ROLE_ADMINISTRATOR', AUDIT_PERMISSIONS);
    await db.query(`DROP TABLE "audit_events"`);
  }
}
