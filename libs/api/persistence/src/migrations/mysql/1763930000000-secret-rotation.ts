import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SECRET_ROTATION_RULES, SECRET_ROTATION_TEMPLATES } from '../notification-seeds';

export class SecretRotation1763930000000 implements MigrationInterface {
  name = 'SecretRotation1763930000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `oauth_client_secrets` ADD `expiryWarnedAt` datetime NULL');
    await db.query('CREATE INDEX `IDX_oauth_client_secrets_expiry` ON `oauth_client_secrets` (`expiresAt`, `expiryWarnedAt`)');
    for (const t of SECRET_ROTATION_TEMPLATES) {
      await db.query('INSERT INTO `email_templates` (`event`, `audience`, `locale`, `subject`, `body`) VALUES (?, ?, ?, ?, ?)', [t.event, t.audience, t.locale, t.subject, t.body]);
    }
    for (const event of SECRET_ROTATION_RULES) await db.query("INSERT INTO `notification_rules` (`event`, `extraRecipients`) VALUES (?, '[]')", [event]);
  }

  async down(db: QueryRunner): Promise<void> {
    const events = SECRET_ROTATION_RULES.map(() => '?').join(', ');
    await db.query(`DELETE FROM \`notification_rules\` WHERE \`event\` IN (${events})`, SECRET_ROTATION_RULES);
    await db.query(`DELETE FROM \`email_templates\` WHERE \`event\` IN (${events})`, SECRET_ROTATION_RULES);
    await db.query('DROP INDEX `IDX_oauth_client_secrets_expiry` ON `oauth_client_secrets`');
    await db.query('ALTER TABLE `oauth_client_secrets` DROP COLUMN `expiryWarnedAt`');
  }
}
