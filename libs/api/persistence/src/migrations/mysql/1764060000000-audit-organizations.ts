import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditOrganizations1764060000000 implements MigrationInterface {
  name = 'AuditOrganizations1764060000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'CREATE TABLE `audit_event_organizations` (`eventId` int NOT NULL, `organizationId` int NOT NULL, INDEX `IDX_audit_event_organizations_organization` (`organizationId`, `eventId`), PRIMARY KEY (`eventId`, `organizationId`)) ENGINE=InnoDB',
    );
    await db.query(
      'ALTER TABLE `audit_event_organizations` ADD CONSTRAINT `FK_audit_event_organizations_event` FOREIGN KEY (`eventId`) REFERENCES `audit_events`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Every row keeps the organization it had: who could read it still can.
    await db.query('INSERT INTO `audit_event_organizations` (`eventId`, `organizationId`) SELECT `id`, `organizationId` FROM `audit_events` WHERE `organizationId` IS NOT NULL');
    await db.query('DROP INDEX `IDX_audit_events_organization` ON `audit_events`');
    await db.query('ALTER TABLE `audit_events` DROP COLUMN `organizationId`');
    await db.query('ALTER TABLE `audit_events` ADD `applicationId` int NULL AFTER `actorName`, ADD `applicationClientId` varchar(32) NULL AFTER `applicationId`, ADD `applicationName` varchar(255) NULL AFTER `applicationClientId`');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `audit_events` DROP COLUMN `applicationName`, DROP COLUMN `applicationClientId`, DROP COLUMN `applicationId`');
    await db.query('ALTER TABLE `audit_events` ADD `organizationId` int NULL AFTER `targetName`');
    // One organization per row again: a row about several keeps the first.
    await db.query('UPDATE `audit_events` SET `organizationId` = (SELECT MIN(`organizationId`) FROM `audit_event_organizations` WHERE `eventId` = `audit_events`.`id`)');
    await db.query('CREATE INDEX `IDX_audit_events_organization` ON `audit_events` (`organizationId`, `at`)');
    await db.query('DROP TABLE `audit_event_organizations`');
  }
}
