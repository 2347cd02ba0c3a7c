import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyless clients (private_key_jwt, RFC 7523): how each application authenticates, the public keys
 * or the URL of those of a client that signs assertions, and the assertions already used. Existing
 * applications keep their secrets; public clients authenticate with nothing (`none`).
 */
export class PrivateKeyJwt1764074000000 implements MigrationInterface {
  name = 'PrivateKeyJwt1764074000000';

  async up(db: QueryRunner): Promise<void> {
    // ADD and DROP COLUMN, never a rebuild: oauth_applications has children that cascade on delete.
    await db.query(`ALTER TABLE "oauth_applications" ADD COLUMN "tokenEndpointAuthMethod" varchar(32) NOT NULL DEFAULT ('client_secret_basic')`);
    await db.query(`ALTER TABLE "oauth_applications" ADD COLUMN "jwks" text`);
    await db.query(`ALTER TABLE "oauth_applications" ADD COLUMN "jwksUri" varchar(2000)`);
    await db.query(`UPDATE "oauth_applications" SET "tokenEndpointAuthMethod" = 'none' WHERE "confidential" = 0`);
    await db.query(
      `CREATE TABLE "oauth_used_client_assertions" ("digest" varchar(64) PRIMARY KEY NOT NULL, "expiresAt" datetime NOT NULL)`,
    );
    await db.query(`CREATE INDEX "IDX_oauth_used_client_assertions_expires" ON "oauth_used_client_assertions" ("expiresAt")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "oauth_used_client_assertions"`);
    await db.query(`ALTER TABLE "oauth_applications" DROP COLUMN "jwksUri"`);
    await db.query(`ALTER TABLE "oauth_applications" DROP COLUMN "jwks"`);
    await db.query(`ALTER TABLE "oauth_applications" DROP COLUMN "tokenEndpointAuthMethod"`);
  }
}
