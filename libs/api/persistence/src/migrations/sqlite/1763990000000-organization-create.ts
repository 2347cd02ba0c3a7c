import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantToRole, ORGANIZATION_CREATE_PERMISSIONS, revokeFromRole } from '../roles';

export class OrganizationCreate1763990000000 implements MigrationInterface {
  name = 'OrganizationCreate1763990000000';

  async up(db: QueryRunner): Promise<void> {
    await grantToRole(db, 'ROLE_ADMINISTRATOR', ORGANIZATION_CREATE_PERMISSIONS);
  }

  async down(db: QueryRunner): Promise<void> {
    await revokeFromRole(db, 'ROLE_ADMINISTRATOR', ORGANIZATION_CREATE_PERMISSIONS);
  }
}
