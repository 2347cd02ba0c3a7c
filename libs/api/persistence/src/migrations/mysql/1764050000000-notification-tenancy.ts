import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification rules and email templates gain an organization: the rows there are become the
 * platform defaults (NULL), and an organization's administrators may override them for mail about
 * its own applications. The unique indexes lead with the organization, so they also serve the
 * foreign keys.
 */
export class NotificationTenancy1764050000000 implements MigrationInterface {
  name = 'NotificationTenancy1764050000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX `IDX_c96372c3fd11d3602cd6e9aa07` ON `notification_rules`');
    await db.query('ALTER TABLE `notification_rules` ADD `organizationId` int NULL');
    await db.query('CREATE UNIQUE INDEX `UQ_notification_rules_organization_event` ON `notification_rules` (`organizationId`, `event`)');
    await db.query(
      'ALTER TABLE `notification_rules` ADD CONSTRAINT `FK_notification_rules_organization` FOREIGN KEY (`organizationId`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await db.query('DROP INDEX `IDX_email_templates_event_audience_locale` ON `email_templates`');
    await db.query('ALTER TABLE `email_templates` ADD `organizationId` int NULL');
    await db.query(
      'CREATE UNIQUE INDEX `UQ_email_templates_organization_event_audience_locale` ON `email_templates` (`organizationId`, `event`, `audience`, `locale`)',
    );
    await db.query(
      'ALTER TABLE `email_templates` ADD CONSTRAINT `FK_email_templates_organization` FOREIGN KEY (`organizationId`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  /** The old schema has one setting per event: organizations' overrides go, the defaults stay. */
  async down(db: QueryRunner): Promise<void> {
    await db.query('DELETE FROM `email_templates` WHERE `organizationId` IS NOT NULL');
    await db.query('ALTER TABLE `email_templates` DROP FOREIGN KEY `FK_email_templates_organization`');
    await db.query('DROP INDEX `UQ_email_templates_organization_event_audience_locale` ON `email_templates`');
    await db.query('ALTER TABLE `email_templates` DROP COLUMN `organizationId`');
    await db.query('CREATE UNIQUE INDEX `IDX_email_templates_event_audience_locale` ON `email_templates` (`event`, `audience`, `locale`)');
    await db.query('DELETE FROM `notification_rules` WHERE `organizationId` IS NOT NULL');
    await db.query('ALTER TABLE `notification_rules` DROP FOREIGN KEY `FK_notification_rules_organization`');
    await db.query('DROP INDEX `UQ_notification_rules_organization_event` ON `notification_rules`');
    await db.query('ALTER TABLE `notification_rules` DROP COLUMN `organizationId`');
    await db.query('CREATE UNIQUE INDEX `IDX_c96372c3fd11d3602cd6e9aa07` ON `notification_rules` (`event`)');
  }
}
