import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToRole, OAUTH_APPLICATION_PERMISSIONS, revokeFromRole } from '../roles';

export class OAuthApplications1763870000000 implements MigrationInterface {
  name = 'OAuthApplications1763870000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE \`oauth_client_secrets\` (\`id\` int NOT NULL AUTO_INCREMENT, \`applicationId\` int NOT NULL, \`digest\` varchar(64) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`expiresAt\` datetime NULL, \`lastUsedAt\` datetime NULL, INDEX \`IDX_8a0e59cf161ce94039f6e7995b\` (\`applicationId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`oauth_applications\` (\`id\` int NOT NULL AUTO_INCREMENT, \`organizationId\` int NOT NULL, \`name\` varchar(255) NOT NULL, \`slug\` varchar(100) NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`grants\` varchar(100) NOT NULL, \`frontend\` tinyint NOT NULL DEFAULT 0, \`userId\` int NULL, \`customerUserId\` int NULL, \`confidential\` tinyint NOT NULL DEFAULT 1, \`redirectUris\` text NOT NULL, \`scopes\` text NOT NULL, \`accessTokenTtl\` int NULL, \`clientId\` varchar(32) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), \`lastUsedAt\` datetime NULL, \`createdBy\` int NULL, INDEX \`IDX_89e048995303be477b78de5b18\` (\`userId\`), INDEX \`IDX_966918cd9493160947a52b829d\` (\`customerUserId\`), INDEX \`IDX_oauth_applications_last_used\` (\`lastUsedAt\`, \`organizationId\`), INDEX \`IDX_oauth_applications_created\` (\`createdAt\`, \`organizationId\`), UNIQUE INDEX \`IDX_oauth_applications_name\` (\`name\`, \`organizationId\`), UNIQUE INDEX \`IDX_79b5c308457b66620eb0075e44\` (\`slug\`), UNIQUE INDEX \`IDX_41a1b847d3f21172a290c2e891\` (\`clientId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`ALTER TABLE \`oauth_client_secrets\` ADD CONSTRAINT \`FK_8a0e59cf161ce94039f6e7995bb\` FOREIGN KEY (\`applicationId\`) REFERENCES \`oauth_applications\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE \`oauth_applications\` ADD CONSTRAINT \`FK_dd4495aece372fd99e4d0d7674c\` FOREIGN KEY (\`organizationId\`) REFERENCES \`organizations\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE \`oauth_applications\` ADD CONSTRAINT \`FK_89e048995303be477b78de5b182\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE \`oauth_applications\` ADD CONSTRAINT \`FK_966918cd9493160947a52b829dc\` FOREIGN KEY (\`customerUserId\`) REFERENCES \`customer_users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE \`oauth_applications\` ADD CONSTRAINT \`FK_05213fe59e0e546c9cd1828dfb9\` FOREIGN KEY (\`createdBy\`) REFERENCES \`users\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
    await grantToRole(db, 'ROLE_ADMINISTRATOR', OAUTH_APPLICATION_PERMISSIONS);
  }

  async down(db: QueryRunner): Promise<void> {
    await revokeFromRole(db, 'ROLE_ADMINISTRATOR', OAUTH_APPLICATION_PERMISSIONS);
    await db.query('DROP TABLE `oauth_client_secrets`');
    await db.query('DROP TABLE `oauth_applications`');
  }
}
