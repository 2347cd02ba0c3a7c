import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INITIAL_ROLES } from '../roles';

export class Identity1763860000000 implements MigrationInterface {
  name = 'Identity1763860000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE \`organizations\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(255) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_9b7ca6d30b94fef571cff87688\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`roles\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(64) NOT NULL, \`label\` varchar(255) NOT NULL, \`permissions\` text NOT NULL, UNIQUE INDEX \`IDX_648e3f5447f725579d7d4ffdfb\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`users\` (\`id\` int NOT NULL AUTO_INCREMENT, \`username\` varchar(180) NOT NULL, \`email\` varchar(255) NOT NULL, \`firstName\` varchar(100) NOT NULL DEFAULT '', \`lastName\` varchar(100) NOT NULL DEFAULT '', \`enabled\` tinyint NOT NULL DEFAULT 1, \`passwordHash\` varchar(255) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_fe0bb3f6520ee0469504521e71\` (\`username\`), UNIQUE INDEX \`IDX_97672ac88f789774dd47f7c8be\` (\`email\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`admin_sessions\` (\`tokenDigest\` varchar(64) NOT NULL, \`userId\` int NOT NULL, \`csrfToken\` varchar(64) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`expiresAt\` datetime NOT NULL, INDEX \`IDX_0a8efb09a4f3200e8b81c3ebec\` (\`userId\`), INDEX \`IDX_ec115ef7cff0e3a48125bf538d\` (\`expiresAt\`), PRIMARY KEY (\`tokenDigest\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`customer_users\` (\`id\` int NOT NULL AUTO_INCREMENT, \`email\` varchar(255) NOT NULL, \`firstName\` varchar(100) NOT NULL DEFAULT '', \`lastName\` varchar(100) NOT NULL DEFAULT '', \`enabled\` tinyint NOT NULL DEFAULT 1, \`passwordHash\` varchar(255) NOT NULL, \`organizationId\` int NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_0de85bd05f73f473fbcec67330\` (\`organizationId\`), UNIQUE INDEX \`IDX_819088e4439c531484743e1285\` (\`email\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`sign_in_failures\` (\`id\` int NOT NULL AUTO_INCREMENT, \`scope\` varchar(16) NOT NULL, \`subject\` varchar(255) NOT NULL, \`failedAt\` datetime NOT NULL, INDEX \`IDX_3b0921da77340436082cdc19d0\` (\`scope\`, \`subject\`, \`failedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`user_organizations\` (\`userId\` int NOT NULL, \`organizationId\` int NOT NULL, INDEX \`IDX_11d4cd5202bd8914464f4bec37\` (\`userId\`), INDEX \`IDX_71997faba4726730e91d514138\` (\`organizationId\`), PRIMARY KEY (\`userId\`, \`organizationId\`)) ENGINE=InnoDB`);
    await db.query(`CREATE TABLE \`user_roles\` (\`userId\` int NOT NULL, \`roleId\` int NOT NULL, INDEX \`IDX_472b25323af01488f1f66a06b6\` (\`userId\`), INDEX \`IDX_86033897c009fcca8b6505d6be\` (\`roleId\`), PRIMARY KEY (\`userId\`, \`roleId\`)) ENGINE=InnoDB`);
    await db.query(`ALTER TABLE \`admin_sessions\` ADD CONSTRAINT \`FK_0a8efb09a4f3200e8b81c3ebec4\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE \`customer_users\` ADD CONSTRAINT \`FK_0de85bd05f73f473fbcec673307\` FOREIGN KEY (\`organizationId\`) REFERENCES \`organizations\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await db.query(`ALTER TABLE \`user_organizations\` ADD CONSTRAINT \`FK_11d4cd5202bd8914464f4bec379\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`);
    await db.query(`ALTER TABLE \`user_organizations\` ADD CONSTRAINT \`FK_71997faba4726730e91d514138e\` FOREIGN KEY (\`organizationId\`) REFERENCES \`organizations\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`);
    await db.query(`ALTER TABLE \`user_roles\` ADD CONSTRAINT \`FK_472b25323af01488f1f66a06b67\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`);
    await db.query(`ALTER TABLE \`user_roles\` ADD CONSTRAINT \`FK_86033897c009fcca8b6505d6be2\` FOREIGN KEY (\`roleId\`) REFERENCES \`roles\`(\`id\`) ON DELETE CASCADE ON UPDATE CASCADE`);
    for (const role of INITIAL_ROLES) {
      await db.query('INSERT INTO `roles` (`name`, `label`, `permissions`) VALUES (?, ?, ?)', [role.name, role.label, role.permissions]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['user_roles', 'user_organizations', 'sign_in_failures', 'customer_users', 'admin_sessions', 'users', 'roles', 'organizations']) {
      await db.query(`DROP TABLE \`${table}\``);
    }
  }
}
