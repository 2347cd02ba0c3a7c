import { Injectable } from '@nestjs/common';
import type { GrantType } from '@keyhouse/shared-contracts';
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
  active: number | boolean;
  grants: string;
  frontend: number | boolean;
  userId: number | null;
  customerUserId: number | null;
  confidential: number | boolean;
  scopes: string;
  accessTokenTtl: number | null;
  secretId: number | null;
  digest: string | null;
}

const CLIENT_COLUMNS =
  'a.id, a.clientId, a.organizationId, a.active, a.grants, a.frontend, a.userId, a.customerUserId, a.confidential, a.scopes, a.accessTokenTtl';

/**
 * The reads on the token and resource paths, as plain SQL that MySQL and SQLite both accept.
 * Building and hydrating these through the query builder cost as much CPU as signing the token
 * itself; this is the one place that trades the ORM for speed, and the integration tests run it
 * on both databases.
 */
@Injectable()
export class ProtocolQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The client and its secrets that have not expired, in one round trip. */
  async clientWithLiveSecrets(clientId: string): Promise<{ client: ProtocolClient; secrets: LiveSecret[] } | undefined> {
    const rows: ClientRow[] = await this.dataSource.query(
      `SELECT ${CLIENT_COLUMNS}, s.id AS secretId, s.digest AS digest
         FROM oauth_applications a
         LEFT JOIN oauth_client_secrets s ON s.applicationId = a.id AND (s.expiresAt IS NULL OR s.expiresAt > ?)
        WHERE a.clientId = ?`,
      [sqlNow(), clientId],
    );
    if (rows.length === 0) return undefined;
    const secrets = rows.filter((row) => row.secretId !== null && row.digest !== null).map((row) => ({ id: Number(row.secretId), digest: String(row.digest) }));
    return { client: toClient(rows[0]), secrets };
  }

  async client(clientId: string): Promise<ProtocolClient | undefined> {
    const [row]: ClientRow[] = await this.dataSource.query(`SELECT ${CLIENT_COLUMNS} FROM oauth_applications a WHERE a.clientId = ?`, [clientId]);
    return row && toClient(row);
  }

  /** The subject exists, is enabled and still belongs to the client's organization. */
  async subjectIsActive(client: ProtocolClient, subjectId: number): Promise<boolean> {
    const rows: unknown[] = client.frontend
      ? await this.dataSource.query('SELECT 1 AS ok FROM customer_users c WHERE c.id = ? AND c.enabled = ? AND c.organizationId = ?', [
          subjectId,
          true,
          client.organizationId,
        ])
      : await this.dataSource.query(
          'SELECT 1 AS ok FROM users u JOIN user_organizations uo ON uo.userId = u.id AND uo.organizationId = ? WHERE u.id = ? AND u.enabled = ?',
          [client.organizationId, subjectId, true],
        );
    return rows.length > 0;
  }

  async accessTokenRevoked(jti: string): Promise<boolean> {
    return (await this.dataSource.query('SELECT 1 AS ok FROM oauth_revoked_access_tokens WHERE jti = ?', [jti])).length > 0;
  }

  /** A family that no longer exists counts as revoked: its application was deleted. */
  async familyRevoked(familyId: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 AS ok FROM oauth_token_families WHERE id = ? AND revokedAt IS NULL', [familyId]);
    return rows.length === 0;
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
  };
}

/** UTC in the `YYYY-MM-DD HH:MM:SS.sss` form both drivers store datetimes in and compare as text or dates. */
function sqlNow(): string {
  return new Date().toISOString().replace('T', ' ').replace('Z', '');
}
