import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Applications are unlisted until their publisher lists them: nothing private shows up in other organizations' marketplace. */
export class MarketplaceListing1764000000000 implements MigrationInterface {
  name = 'MarketplaceListing1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `oauth_applications` ADD `listed` tinyint NOT NULL DEFAULT 0');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE `oauth_applications` DROP COLUMN `listed`');
  }
}
