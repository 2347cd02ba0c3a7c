import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToRole, INSTALLATION_PERMISSIONS, revokeFromRole } from '../roles';

export class AuthorizationCodes1763920000000 implements MigrationInterface {
  name = 'AuthorizationCodes1763920000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `oauth_applications` ADD `firstParty` tinyint NOT NULL DEFAULT 0');
    await db.query('ALTER TABLE `oauth_applications` ADD `allowPlainPkce` tinyint NOT NULL DEFAULT 0');
    await db.query('ALTER TABLE `oauth_applications` ADD `installUrl` varchar(2000) NULL');
    await db.query('CREATE TABLE `customer_sessions` (`tokenDigest` varchar(64) NOT NULL, `customerUserId` int NOT NULL, `csrfToken` varchar(64) NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `expiresAt` datetime NOT NULL, INDEX `IDX_customer_sessions_customer` (`customerUserId`), INDEX `IDX_customer_sessions_expires` (`expiresAt`), PRIMARY KEY (`tokenDigest`)) ENGINE=InnoDB');
    await db.query('CREATE TABLE `oauth_installations` (`id` int NOT NULL AUTO_INCREMENT, `applicationId` int NOT NULL, `organizationId` int NOT NULL, `subjectType` varchar(16) NOT NULL, `subjectId` int NOT NULL, `scope` text NOT NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updatedAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX `IDX_oauth_installations_organization` (`organizationId`), INDEX `IDX_oauth_installations_subject` (`subjectType`, `subjectId`), UNIQUE INDEX `UQ_oauth_installations_consent` (`applicationId`, `organizationId`, `subjectType`, `subjectId`), PRIMARY KEY (`id`)) ENGINE=InnoDB');
    await db.query('CREATE TABLE `oauth_authorization_codes` (`digest` varchar(64) NOT NULL, `applicationId` int NOT NULL, `installationId` int NOT NULL, `familyId` varchar(32) NOT NULL, `redirectUri` varchar(2000) NOT NULL, `redirectUriSent` tinyint NOT NULL, `scope` text NOT NULL, `codeChallenge` varchar(128) NULL, `codeChallengeMethod` varchar(8) NULL, `createdAt` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `expiresAt` datetime NOT NULL, `usedAt` datetime NULL, INDEX `IDX_oauth_authorization_codes_application` (`applicationId`), INDEX `IDX_oauth_authorization_codes_installation` (`installationId`), INDEX `IDX_oauth_authorization_codes_family` (`familyId`), INDEX `IDX_oauth_authorization_codes_expires` (`expiresAt`), PRIMARY KEY (`digest`)) ENGINE=InnoDB');
    await db.query('ALTER TABLE `oauth_token_families` ADD `installationId` int NULL');
    await db.query('CREATE INDEX `IDX_oauth_token_families_installation` ON `oauth_token_families` (`installationId`)');
    await db.query('ALTER TABLE `customer_sessions` ADD CONSTRAINT `FK_053831f69296c030bc262920da9` FOREIGN KEY (`customerUserId`) REFERENCES `customer_users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION');
    await db.query('ALTER TABLE `oauth_installations` ADD CONSTRAINT `FK_b9660c2a8460ff4eef9f5a6d1b8` FOREIGN KEY (`applicationId`) REFERENCES `oauth_applications`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION');
    await db.query('ALTER TABLE `oauth_installations` ADD CONSTRAINT `FK_67efc0d4d16986dbc77ee486975` FOREIGN KEY (`organizationId`) REFERENCES `organizations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION');
    await db.query('ALTER TABLE `oauth_authorization_codes` ADD CONSTRAINT `FK_02d8b0b319d2cb8dd1cb3de5c3d` FOREIGN KEY (`applicationId`) REFERENCES `oauth_applications`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION');
    await db.query('ALTER TABLE `oauth_authorization_codes` ADD CONSTRAINT `FK_26210682e50df73b6ecedc10c4b` FOREIGN KEY (`installationId`) REFERENCES `oauth_installations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION');
    await db.query('ALTER TABLE `oauth_authorization_codes` ADD CONSTRAINT `FK_3dd62bdd854ad557fc79e69d53f` FOREIGN KEY (`familyId`) REFERENCES `oauth_token_families`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION');
    await grantToRole(db, 'ROLE_ADMINISTRATOR', INSTALLATION_PERMISSIONS);
  }

  async down(db: QueryRunner): Promise<void> {
    await revokeFromRole(db, 'ROLE_ADMINISTRATOR', INSTALLATION_PERMISSIONS);
    await db.query('DROP TABLE `oauth_authorization_codes`');
    await db.query('DROP INDEX `IDX_oauth_token_families_installation` ON `oauth_token_families`');
    await db.query('ALTER TABLE `oauth_token_families` DROP COLUMN `installationId`');
    await db.query('DROP TABLE `oauth_installations`');
    await db.query('DROP TABLE `customer_sessions`');
    await db.query('ALTER TABLE `oauth_applications` DROP COLUMN `installUrl`');
    await db.query('ALTER TABLE `oauth_applications` DROP COLUMN `allowPlainPkce`');
    await db.query('ALTER TABLE `oauth_applications` DROP COLUMN `firstParty`');
  }
}
