import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OAuthTokens1763880000000 implements MigrationInterface {
  name = 'OAuthTokens1763880000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE \`oauth_token_families\` (\`id\` varchar(32) NOT NULL, \`applicationId\` int NOT NULL, \`subjectType\` varchar(16) NOT NULL, \`subjectId\` int NOT NULL, \`scope\` text NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`revokedAt\` datetime NULL, INDEX \`IDX_9b2c309378fcdff91f930243c6\` (\`applicationId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`oauth_refresh_tokens\` (\`id\` int NOT NULL AUTO_INCREMENT, \`digest\` varchar(64) NOT NULL, \`familyId\` varchar(32) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`expiresAt\` datetime NOT NULL, \`usedAt\` datetime NULL, UNIQUE INDEX \`IDX_53b12122957e1f782e2e7331f5\` (\`digest\`), INDEX \`IDX_9836d8dc6f7a979d6a11d7d3a7\` (\`familyId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`oauth_revoked_access_tokens\` (\`jti\` varchar(32) NOT NULL, \`expiresAt\` datetime NOT NULL, INDEX \`IDX_8f23fe0ba5b914545138d5faf4\` (\`expiresAt\`), PRIMARY KEY (\`jti\`)) ENGINE=InnoDB`);
    await db.query(`ALTER TABLE \`oauth_token_families\` ADD CONSTRAINT \`FK_9b2c309378fcdff91f930243c60\` FOREIGN KEY (\`applicationId\`) REFERENCES \`oauth_applications\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE \`oauth_refresh_tokens\` ADD CONSTRAINT \`FK_9836d8dc6f7a979d6a11d7d3a70\` FOREIGN KEY (\`familyId\`) REFERENCES \`oauth_token_families\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE `oauth_revoked_access_tokens`');
    await db.query('DROP TABLE `oauth_refresh_tokens`');
    await db.query('DROP TABLE `oauth_token_families`');
  }
}
