import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_PERMISSIONS, grantToRole, revokeFromRole } from '../roles';

export class AuditEvents1763970000000 implements MigrationInterface {
  name = 'AuditEvents1763970000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE TABLE `audit_events` (`id` int NOT NULL AUTO_INCREMENT, `at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `action` varchar(64) NOT NULL, `actorUserId` int NULL, `actorName` varchar(255) NOT NULL, `targetType` varchar(64) NOT NULL, `targetId` varchar(64) NULL, `targetName` varchar(255) NOT NULL, `organizationId` int NULL, `ip` varchar(64) NULL, `before` text NULL, `after` text NULL, INDEX `IDX_audit_events_at` (`at`), INDEX `IDX_audit_events_actor` (`actorUserId`, `at`), INDEX `IDX_audit_events_target` (`targetType`, `targetId`), INDEX `IDX_audit_events_organization` (`organizationId`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB');
    await grantToRole(db, 'ROLE_ADMINISTRATOR', AUDIT_PERMISSIONS);
  }

  async down(db: QueryRunner): Promise<void> {
    await revokeFromRole(db, 'ROLE_ADMINISTRATOR', AUDIT_PERMISSIONS);
    await db.query('DROP TABLE `audit_events`');
  }
}
