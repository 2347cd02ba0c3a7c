import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INITIAL_RULES, INITIAL_TEMPLATES } from '../notification-seeds';
import { grantToRole, revokeFromRole } from '../roles';

const NOTIFICATION_PERMISSIONS = ['notifications.view', 'notifications.edit'];

export class Notifications1763900000000 implements MigrationInterface {
  name = 'Notifications1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "email_templates" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "event" varchar(64) NOT NULL, "audience" varchar(16) NOT NULL, "locale" varchar(16) NOT NULL, "subject" varchar(255) NOT NULL, "body" text NOT NULL, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await db.query(`CREATE UNIQUE INDEX "IDX_email_templates_event_audience_locale" ON "email_templates" ("event", "audience", "locale")`);
    await db.query(`CREATE TABLE "notification_rules" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "event" varchar(64) NOT NULL, "enabled" boolean NOT NULL DEFAULT (1), "notifyOwner" boolean NOT NULL DEFAULT (1), "notifyOrganizationAdmins" boolean NOT NULL DEFAULT (0), "extraRecipients" text NOT NULL, "updatedAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "UQ_c96372c3fd11d3602cd6e9aa073" UNIQUE ("event"))`);
    await db.query(`CREATE TABLE "notification_outbox" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "event" varchar(64) NOT NULL, "organizationId" integer, "recipient" varchar(255) NOT NULL, "subject" varchar(255) NOT NULL, "html" text NOT NULL, "status" varchar(16) NOT NULL DEFAULT ('pending'), "attempts" integer NOT NULL DEFAULT (0), "lastError" text, "nextAttemptAt" datetime NOT NULL, "lockedUntil" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "sentAt" datetime)`);
    await db.query(`CREATE INDEX "IDX_notification_outbox_due" ON "notification_outbox" ("status", "nextAttemptAt")`);
    await db.query(`CREATE INDEX "IDX_23af1008f2b83c88812a5178fe" ON "notification_outbox" ("organizationId")`);
    for (const t of INITIAL_TEMPLATES) {
      await db.query(`INSERT INTO "email_templates" ("event", "audience", "locale", "subject", "body") VALUES (?, ?, ?, ?, ?)`, [t.event, t.audience, t.locale, t.subject, t.body]);
    }
    await grantToRole(db, 'ROLE_ADMINISTRATOR', NOTIFICATION_PERMISSIONS);
    for (const event of INITIAL_RULES) await db.query(`INSERT INTO "notification_rules" ("event", "extraRecipients") VALUES (?, '[]')`, [event]);
  }

  async down(db: QueryRunner): Promise<void> {
    await revokeFromRole(db, 'ROLE_ADMINISTRATOR', NOTIFICATION_PERMISSIONS);
    for (const table of ['notification_outbox', 'notification_rules', 'email_templates']) await db.query(`DROP TABLE "${table}"`);
  }
}
