import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CUSTOMER_USER_CREATE_PERMISSIONS, grantToRole, revokeFromRole } from '../roles';

export class CustomerUserCreate1763940000000 implements MigrationInterface {
  name = 'CustomerUserCreate1763940000000';

  async up(db: QueryRunner): Promise<void> {
    await grantToRole(db, 'ROLE_ADMINISTRATOR', CUSTOMER_USER_CREATE_PERMISSIONS);
  }

  async down(db: QueryRunner): Promise<void> {
    await revokeFromRole(db, 'ROLE_ADMINISTRATOR', CUSTOMER_USER_CREATE_PERMISSIONS);
  }
}
