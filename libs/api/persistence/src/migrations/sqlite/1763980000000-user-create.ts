import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToRole, revokeFromRole, USER_CREATE_PERMISSIONS } from '../roles';

export class UserCreate1763980000000 implements MigrationInterface {
  name = 'UserCreate1763980000000';

  async up(db: QueryRunner): Promise<void> {
    await grantToRole(db, 'ROLE_ADMINISTRATOR', USER_CREATE_PERMISSIONS);
  }

  async down(db: QueryRunner): Promise<void> {
    await revokeFromRole(db, 'ROLE_ADMINISTRATOR', USER_CREATE_PERMISSIONS);
  }
}
