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
  ownerActive: number;
  secretId: number | null;
  digest: string | null;
}

// The application, and whether the user it acts as may still act (enabled, still a member).
const CLIENT_COLUMNS = `a.id, a.clientId, a.organizationId, a.active, a.grants, a.frontend, a.userId, a.customerUserId,
  a.confidential, a.scopes, a.accessTokenTtl,
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

  constructor(dataSource: DataSource) {
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

  /** The subject exists, is enabled and still belongs to the client's organization. */
  async subjectIsActive(client: ProtocolClient, subjectId: number): Promise<boolean> {
    const rows = client.frontend
      ? await this.query('SELECT 1 AS ok FROM customer_users c WHERE c.id = ? AND c.enabled = 1 AND c.organizationId = ?', [subjectId, client.organizationId])
      : await this.query(
          'SELECT 1 AS ok FROM users u JOIN user_organizations uo ON uo.userId = u.id AND uo.organizationId = ? WHERE u.id = ? AND u.enabled = 1',
          [client.organizationId, subjectId],
        );
    return rows.length > 0;
  }

  async accessTokenRevoked(jti: string): Promise<boolean> {
    return (await this.query('SELECT 1 AS ok FROM oauth_revoked_access_tokens WHERE jti = ?', [jti])).length > 0;
  }

  /** A family that no longer exists counts as revoked: its application was deleted. */
  async familyRevoked(familyId: string): Promise<boolean> {
    return (await this.query('SELECT 1 AS ok FROM oauth_token_families WHERE id = ? AND revokedAt IS NULL', [familyId])).length === 0;
  }
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
  };
}
