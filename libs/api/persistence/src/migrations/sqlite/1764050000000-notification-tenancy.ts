import type { MigrationInterface, QueryRunner } from 'typeorm';

const RULE_COLUMNS = `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "event" varchar(64) NOT NULL, "enabled" boolean NOT NULL DEFAULT (1), "notifyOwner" boolean NOT NULL DEFAULT (1), "notifyOrganizationAdmins" boolean NOT NULL DEFAULT (0), "extraRecipients" text NOT NULL, "updatedAt" datetime NOT NULL DEFAULT (datetime('now'))`;
const RULE_FIELDS = `"id", "event", "enabled", "notifyOwner", "notifyOrganizationAdmins", "extraRecipients", "updatedAt"`;
const TEMPLATE_COLUMNS = `"id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "event" varchar(64) NOT NULL, "audience" varchar(16) NOT NULL, "locale" varchar(16) NOT NULL, "subject" varchar(255) NOT NULL, "body" text NOT NULL, "updatedAt" datetime NOT NULL DEFAULT (datetime('now'))`;
const TEMPLATE_FIELDS = `"id", "event", "audience", "locale", "subject", "body", "updatedAt"`;
const ORGANIZATION = (constraint: string) =>
  `"organizationId" integer, CONSTRAINT "${constraint}" FOREIGN KEY ("organizationId") REFERENCES "organizations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION`;

/**
 * Notification rules and email templates gain an organization: the rows there are become the
 * platform defaults (NULL), and an organization's administrators may override them for mail about
 * its own applications. SQLite adds a foreign key and drops the rules' UNIQUE ("event") constraint
 * only by rebuilding the tables; nothing refers to either, so dropping them cascades nowhere.
 */
export class NotificationTenancy1764050000000 implements MigrationInterface {
  name = 'NotificationTenancy1764050000000';

  async up(db: QueryRunner): Promise<void> {
    await rebuild(db, 'notification_rules', `${RULE_COLUMNS}, ${ORGANIZATION('FK_notification_rules_organization')}`, RULE_FIELDS);
    await db.query(`CREATE UNIQUE INDEX "UQ_notification_rules_organization_event" ON "notification_rules" ("organizationId", "event")`);
    await rebuild(db, 'email_templates', `${TEMPLATE_COLUMNS}, ${ORGANIZATION('FK_email_templates_organization')}`, TEMPLATE_FIELDS);
    await db.query(
      `CREATE UNIQUE INDEX "UQ_email_templates_organization_event_audience_locale" ON "email_templates" ("organizationId", "event", "audience", "locale")`,
    );
  }

  /** The old schema has one setting per event: organizations' overrides go, the defaults stay. */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM "email_templates" WHERE "organizationId" IS NOT NULL`);
    await rebuild(db, 'email_templates', TEMPLATE_COLUMNS, TEMPLATE_FIELDS);
    await db.query(`CREATE UNIQUE INDEX "IDX_email_templates_event_audience_locale" ON "email_templates" ("event", "audience", "locale")`);
    await db.query(`DELETE FROM "notification_rules" WHERE "organizationId" IS NOT NULL`);
    await rebuild(db, 'notification_rules', `${RULE_COLUMNS}, CONSTRAINT "UQ_c96372c3fd11d3602cd6e9aa073" UNIQUE ("event")`, RULE_FIELDS);
  }
}

/** The table with these columns, keeping its rows (`fields`: those both shapes have); its indexes go with the old one. */
async function rebuild(db: QueryRunner, table: string, columns: string, fields: string): Promise<void> {
  await db.query(`CREATE TABLE "temporary_${table}" (${columns})`);
  await db.query(`INSERT INTO "temporary_${table}" (${fields}) SELECT ${fields} FROM "${table}"`);
  await db.query(`DROP TABLE "${table}"`);
  await db.query(`ALTER TABLE "temporary_${table}" RENAME TO "${table}"`);
}
