import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ACCOUNT_EDIT_PERMISSIONS, grantToRole, revokeFromRole } from '../roles';

export class AccountEdit1764010000000 implements MigrationInterface {
  name = 'AccountEdit1764010000000';

  async up(db: QueryRunner): Promise<void> {
    await grantToRole(db, 'ROLE_ADMINISTRATOR', ACCOUNT_EDIT_PERMISSIONS);
  }

  async down(db: QueryRunner): Promise<void> {
    await revokeFromRole(db, 'ROLE_ADMINISTRATOR', ACCOUNT_EDIT_PERMISSIONS);
  }
}
