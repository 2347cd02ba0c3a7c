import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DORMANCY_RULES, DORMANCY_TEMPLATES } from '../notification-seeds';

export class ApplicationUsage1763950000000 implements MigrationInterface {
  name = 'ApplicationUsage1763950000000';

  async up(db: QueryRunner): Promise<void> {
    // ADD COLUMN, never a rebuild: oauth_applications has children that cascade on delete.
    await db.query(`ALTER TABLE "oauth_applications" ADD COLUMN "dormantWarnedAt" datetime`);
    await db.query(`CREATE INDEX "IDX_oauth_applications_dormant_warned" ON "oauth_applications" ("dormantWarnedAt")`);
    await db.query(
      `CREATE TABLE "oauth_application_usage" ("applicationId" integer NOT NULL, "day" date NOT NULL, "tokensIssued" integer NOT NULL DEFAULT (0), "failedAuthentications" integer NOT NULL DEFAULT (0), CONSTRAINT "FK_oauth_application_usage_application" FOREIGN KEY ("applicationId") REFERENCES "oauth_applications" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("applicationId", "day"))`,
    );
    await db.query(`CREATE INDEX "IDX_oauth_application_usage_day" ON "oauth_application_usage" ("day")`);
    for (const t of DORMANCY_TEMPLATES) {
      await db.query(`INSERT INTO "email_templates" ("event", "audience", "locale", "subject", "body") VALUES (?, ?, ?, ?, ?)`, [t.event, t.audience, t.locale, t.subject, t.body]);
    }
    for (const event of DORMANCY_RULES) await db.query(`INSERT INTO "notification_rules" ("event", "extraRecipients") VALUES (?, '[]')`, [event]);
  }

  async down(db: QueryRunner): Promise<void> {
    const events = DORMANCY_RULES.map(() => '?').join(', ');
    await db.query(`DELETE FROM "notification_rules" WHERE "event" IN (${events})`, DORMANCY_RULES);
    await db.query(`DELETE FROM "email_templates" WHERE "event" IN (${events})`, DORMANCY_RULES);
    await db.query(`DROP TABLE "oauth_application_usage"`);
    await db.query(`DROP INDEX "IDX_oauth_applications_dormant_warned"`);
    await db.query(`ALTER TABLE "oauth_applications" DROP COLUMN "dormantWarnedAt"`);
  }
}
