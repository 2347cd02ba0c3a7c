import { Injectable } from '@nestjs/common';
import type { GrantType, TokenEndpointAuthMethod } from '@keyhouse/shared-contracts';
import { storedAddress } from '@keyhouse/api-applications';
import { localChanges, nativeQuery, readSqlDatetime, sqlDatetime, type NativeQuery } from '@keyhouse/api-persistence';
import { DataSource } from 'typeorm';
import type { ClientKeySource } from './client-key-sets';
import type { ProtocolClient } from './protocol-client';
import { RecentLookups, type Lookup } from './recent-lookups';

export interface LiveSecret {
  id: number;
  digest: string;
}

/** Wrong secrets stored for one client address: a success clears them, a throttle refuses the address until it ends. */
export interface AddressFailures {
  throttledUntil: Date | null;
}

/** What the token endpoint authenticates a client against. */
export interface ClientWithCredentials {
  client: ProtocolClient;
  secrets: LiveSecret[];
  keys: ClientKeySource;
  addressFailures: AddressFailures | undefined;
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
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  scopes: string;
  accessTokenTtl: number | null;
  allowedIpRanges: string | null;
  ownerActive: number;
}

interface AuthenticationRow extends ClientRow {
  jwks: string | null;
  jwksUri: string | null;
  secretId: number | null;
  digest: string | null;
  secretExpiresAt: Date | string | null;
  failures: number | null;
  throttledUntil: Date | string | null;
}

// The application, and whether the user it acts as may still act (enabled, still a member).
const CLIENT_COLUMNS = `a.id, a.clientId, a.organizationId, a.active, a.grants, a.frontend, a.userId, a.customerUserId,
  a.confidential, a.tokenEndpointAuthMethod, a.scopes, a.accessTokenTtl, a.allowedIpRanges,
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
  /** On the embedded database only: see RecentLookups. On MySQL every request reads. */
  private readonly recent?: RecentLookups<ClientWithCredentials>;

  constructor(dataSource: DataSource) {
    this.query = nativeQuery(dataSource);
    const changes = localChanges(dataSource);
    this.recent = changes && new RecentLookups(changes);
  }

  /**
   * The client, its secrets that have not expired (or, for private_key_jwt, its keys), and the
   * wrong secrets `address` presented for it, in one round trip: the throttle costs the token path
   * no query of its own. The same client from the same address again is answered from the last
   * read while nothing can have changed it (RecentLookups).
   */
  async clientWithCredentials(clientId: string, address: string): Promise<ClientWithCredentials | undefined> {
    if (!this.recent) return (await this.readClientWithCredentials(clientId, address))?.value;
    // An address (an IP literal, or `unknown`) never holds a space: the first one ends it.
    return this.recent.read(`${address} ${clientId}`, () => this.readClientWithCredentials(clientId, address));
  }

  private async readClientWithCredentials(clientId: string, address: string): Promise<Lookup<ClientWithCredentials> | undefined> {
    const rows = await this.query<AuthenticationRow>(
      `SELECT ${CLIENT_COLUMNS}, a.jwks AS jwks, a.jwksUri AS jwksUri, s.id AS secretId, s.digest AS digest, s.expiresAt AS secretExpiresAt,
              t.failures AS failures, t.throttledUntil AS throttledUntil
         FROM oauth_applications a
         LEFT JOIN oauth_client_secrets s ON s.applicationId = a.id AND (s.expiresAt IS NULL OR s.expiresAt > ?)
         LEFT JOIN oauth_client_auth_throttles t ON t.applicationId = a.id AND t.address = ?
        WHERE a.clientId = ?`,
      [sqlDatetime(new Date()), storedAddress(address), clientId],
    );
    if (rows.length === 0) return undefined;
    const live = rows.filter((row) => row.secretId !== null && row.digest !== null);
    const secrets = live.map((row) => ({ id: Number(row.secretId), digest: String(row.digest) }));
    const [first] = rows;
    const addressFailures = first.failures === null ? undefined : { throttledUntil: first.throttledUntil === null ? null : readSqlDatetime(first.throttledUntil) };
    // The answer holds no longer than its first secret to expire.
    const expiries = live.filter((row) => row.secretExpiresAt !== null).map((row) => readSqlDatetime(row.secretExpiresAt as Date | string).getTime());
    return {
      value: { client: toClient(first), secrets, keys: { jwks: first.jwks, jwksUri: first.jwksUri }, addressFailures },
      validUntil: expiries.length ? Math.min(...expiries) : undefined,
    };
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
    tokenEndpointAuthMethod: row.tokenEndpointAuthMethod,
    scopes: JSON.parse(row.scopes) as string[],
    accessTokenTtl: row.accessTokenTtl === null ? null : Number(row.accessTokenTtl),
    ownerActive: Number(row.ownerActive) > 0,
    allowedIpRanges: row.allowedIpRanges ? (JSON.parse(row.allowedIpRanges) as string[]) : [],
  };
}
