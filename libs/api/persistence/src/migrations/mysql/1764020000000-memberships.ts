import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addMembershipRoles, makeFirstAdministratorOperator, removeMembershipRoles, ROLES_OF_MEMBERSHIPS, ROLES_OF_USERS } from '../roles';

/** Roles move from users to their memberships; platform operators; roles of one organization. */
export class Memberships1764020000000 implements MigrationInterface {
  name = 'Memberships1764020000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE TABLE `membership_roles` (`userId` int NOT NULL, `organizationId` int NOT NULL, `roleId` int NOT NULL, INDEX `IDX_fede5f2bf3933f24eca5479102` (`userId`, `organizationId`), INDEX `IDX_d7d9755d2a13d881a7e91af6c3` (`roleId`), PRIMARY KEY (`userId`, `organizationId`, `roleId`)) ENGINE=InnoDB');
    await db.query('ALTER TABLE `roles` ADD `organizationId` int NULL');
    await db.query('ALTER TABLE `users` ADD `platformOperator` tinyint NOT NULL DEFAULT 0');
    await db.query('CREATE INDEX `IDX_roles_organization` ON `roles` (`organizationId`)');
    await db.query('ALTER TABLE `roles` ADD CONSTRAINT `FK_0933e1dfb2993d672af1a98f08e` FOREIGN KEY (`organizationId`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION');
    await db.query('ALTER TABLE `membership_roles` ADD CONSTRAINT `FK_fede5f2bf3933f24eca54791029` FOREIGN KEY (`userId`, `organizationId`) REFERENCES `user_organizations`(`userId`,`organizationId`) ON DELETE CASCADE ON UPDATE CASCADE');
    await db.query('ALTER TABLE `membership_roles` ADD CONSTRAINT `FK_d7d9755d2a13d881a7e91af6c33` FOREIGN KEY (`roleId`) REFERENCES `roles`(`id`) ON DELETE CASCADE ON UPDATE CASCADE');
    await db.query(`INSERT INTO membership_roles (userId, organizationId, roleId) ${ROLES_OF_MEMBERSHIPS}`);
    await makeFirstAdministratorOperator(db);
    await addMembershipRoles(db);
    await db.query('DROP TABLE `user_roles`');
  }

  async down(db: QueryRunner): Promise<void> {
    await removeMembershipRoles(db);
    await db.query('CREATE TABLE `user_roles` (`userId` int NOT NULL, `roleId` int NOT NULL, INDEX `IDX_472b25323af01488f1f66a06b6` (`userId`), INDEX `IDX_86033897c009fcca8b6505d6be` (`roleId`), PRIMARY KEY (`userId`, `roleId`)) ENGINE=InnoDB');
    await db.query('ALTER TABLE `user_roles` ADD CONSTRAINT `FK_472b25323af01488f1f66a06b67` FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE CASCADE');
    await db.query('ALTER TABLE `user_roles` ADD CONSTRAINT `FK_86033897c009fcca8b6505d6be2` FOREIGN KEY (`roleId`) REFERENCES `roles`(`id`) ON DELETE CASCADE ON UPDATE CASCADE');
    await db.query(`INSERT INTO user_roles (userId, roleId) ${ROLES_OF_USERS}`);
    await db.query('DROP TABLE `membership_roles`');
    await db.query('ALTER TABLE `users` DROP COLUMN `platformOperator`');
    await db.query('ALTER TABLE `roles` DROP FOREIGN KEY `FK_0933e1dfb2993d672af1a98f08e`');
    await db.query('DROP INDEX `IDX_roles_organization` ON `roles`');
    await db.query('ALTER TABLE `roles` DROP COLUMN `organizationId`');
  }
}
