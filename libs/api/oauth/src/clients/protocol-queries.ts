import { Injectable } from '@nestjs/common';
import type { GrantType } from '@keyhouse/shared-contracts';
import { nativeQuery, sqlDatetime, type NativeQuery } from '@keyhouse/api-persistence';
import { DataSource } from 'typeorm';
import type { ProtocolClient } from './protocol-client';

export interface LiveSecret {
  id: number;
  digest: string;
}

interface ClientRow {
  id: number;
  clientId: string;
  organizationId: number;
  active: number;
  grants: string;
  frontend: number;
  userId: number | null;
  customerUserId: number | null;
  confidential: number;
  scopes: string;
  accessTokenTtl: number | null;
  allowedIpRanges: string | null;
  failedAuthCount: number;
  lockedUntil: Date | string | null;
  ownerActive: number;
  secretId: number | null;
  digest: string | null;
}

// The application, and whether the user it acts as may still act (enabled, still a member).
const CLIENT_COLUMNS = `a.id, a.clientId, a.organizationId, a.active, a.grants, a.frontend, a.userId, a.customerUserId,
  a.confidential, a.scopes, a.accessTokenTtl, a.allowedIpRanges, a.failedAuthCount, a.lockedUntil,
  (SELECT COUNT(*) FROM users u JOIN user_organizations uo ON uo.userId = u.id AND uo.organizationId = a.organizationId
    WHERE u.id = a.userId AND u.enabled = 1)
  + (SELECT COUNT(*) FROM customer_users c WHERE c.id = a.customerUserId AND c.enabled = 1 AND c.organizationId = a.organizationId) AS ownerActive`;

/**
 * The reads on the token and resource paths, as plain SQL that MySQL and SQLite both accept, run
 * on the driver itself. The query builder and query runner cost as much CPU as signing the token;
 * this is the one place that trades the ORM for speed, and the integration tests run it on both
 * databases.
 */
@Injectable()
export class ProtocolQueries {
  private readonly query: NativeQuery;

  constructor(private readonly dataSource: DataSource) {
    this.query = nativeQuery(dataSource);
  }

  /** The client and its secrets that have not expired, in one round trip. */
  async clientWithLiveSecrets(clientId: string): Promise<{ client: ProtocolClient; secrets: LiveSecret[] } | undefined> {
    const rows = await this.query<ClientRow>(
      `SELECT ${CLIENT_COLUMNS}, s.id AS secretId, s.digest AS digest
         FROM oauth_applications a
         LEFT JOIN oauth_client_secrets s ON s.applicationId = a.id AND (s.expiresAt IS NULL OR s.expiresAt > ?)
        WHERE a.clientId = ?`,
      [sqlDatetime(new Date()), clientId],
    );
    if (rows.length === 0) return undefined;
    const secrets = rows.filter((row) => row.secretId !== null && row.digest !== null).map((row) => ({ id: Number(row.secretId), digest: String(row.digest) }));
    return { client: toClient(rows[0]), secrets };
  }

  async client(clientId: string): Promise<ProtocolClient | undefined> {
    const [row] = await this.query<ClientRow>(`SELECT ${CLIENT_COLUMNS} FROM oauth_applications a WHERE a.clientId = ?`, [clientId]);
    return row && toClient(row);
  }

  /** The subject exists, is enabled and still belongs to the organization. */
  async subjectIsActive(client: ProtocolClient, subjectId: number, organizationId: number): Promise<boolean> {
    const rows = client.frontend
      ? await this.query('SELECT 1 AS ok FROM customer_users c WHERE c.id = ? AND c.enabled = 1 AND c.organizationId = ?', [subjectId, organizationId])
      : await this.query(
          'SELECT 1 AS ok FROM users u JOIN user_organizations uo ON uo.userId = u.id AND uo.organizationId = ? WHERE u.id = ? AND u.enabled = 1',
          [organizationId, subjectId],
        );
    return rows.length > 0;
  }

  /**
   * One more failed authentication; the one that reaches the limit locks the application. The
   * lock is assigned first: MySQL evaluates SET left to right on the updated row, SQLite on the old
   * one, and this order reads the same count on both.
   */
  async recordFailedAuthentication(applicationId: number, maxFailures: number, lockSeconds: number): Promise<void> {
    const now = new Date();
    await this.dataSource.query(
      `UPDATE oauth_applications
          SET lockedUntil = CASE WHEN ? > 0 AND failedAuthCount + 1 >= ? THEN ? ELSE lockedUntil END,
              failedAuthCount = failedAuthCount + 1,
              updatedAt = updatedAt
        WHERE id = ?`,
      [maxFailures, maxFailures, sqlDatetime(new Date(now.getTime() + lockSeconds * 1000)), applicationId],
    );
  }

  async resetFailedAuthentications(applicationId: number): Promise<void> {
    await this.dataSource.query('UPDATE oauth_applications SET failedAuthCount = 0, lockedUntil = NULL, updatedAt = updatedAt WHERE id = ? AND failedAuthCount > 0', [applicationId]);
  }

  async accessTokenRevoked(jti: string): Promise<boolean> {
    return (await this.query('SELECT 1 AS ok FROM oauth_revoked_access_tokens WHERE jti = ?', [jti])).length > 0;
  }

  /**
   * Whether the family is still live, and the organization it was installed in, if any. A family
   * that no longer exists, or whose installation is gone, counts as revoked: its application was
   * deleted or uninstalled.
   */
  async familyState(familyId: string): Promise<{ live: boolean; organizationId: number | undefined }> {
    const [row] = await this.query<{ installationId: number | null; organizationId: number | null }>(
      `SELECT f.installationId AS installationId, i.organizationId AS organizationId FROM oauth_token_families f
         LEFT JOIN oauth_installations i ON i.id = f.installationId
        WHERE f.id = ? AND f.revokedAt IS NULL`,
      [familyId],
    );
    if (!row || (row.installationId !== null && row.organizationId === null)) return { live: false, organizationId: undefined };
    return { live: true, organizationId: row.organizationId === null ? undefined : Number(row.organizationId) };
  }
}

/** mysql2 answers Date objects (UTC, see the data source); better-sqlite3 the UTC text it stored. */
function readDatetime(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

function toClient(row: ClientRow): ProtocolClient {
  return {
    id: Number(row.id),
    clientId: row.clientId,
    organizationId: Number(row.organizationId),
    active: Boolean(Number(row.active)),
    grants: row.grants ? (row.grants.split(',') as GrantType[]) : [],
    frontend: Boolean(Number(row.frontend)),
    userId: row.userId === null ? null : Number(row.userId),
    customerUserId: row.customerUserId === null ? null : Number(row.customerUserId),
    confidential: Boolean(Number(row.confidential)),
    scopes: JSON.parse(row.scopes) as string[],
    accessTokenTtl: row.accessTokenTtl === null ? null : Number(row.accessTokenTtl),
    ownerActive: Number(row.ownerActive) > 0,
    allowedIpRanges: row.allowedIpRanges ? (JSON.parse(row.allowedIpRanges) as string[]) : [],
    failedAuthCount: Number(row.failedAuthCount),
    lockedUntil: row.lockedUntil === null ? null : readDatetime(row.lockedUntil),
  };
}
