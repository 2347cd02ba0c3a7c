import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isDuplicateKeyError } from '@keyhouse/api-persistence';
import { DataSource } from 'typeorm';
import { UsedClientAssertion } from '../entities';
import { OAUTH_OPTIONS, type OAuthOptions } from '../oauth-options';
import { readAssertionHeader, verifyClientAssertion, type AcceptedAssertion } from './client-assertion';
import { ClientKeySets, type ClientKeySource } from './client-key-sets';
import type { ProtocolClient } from './protocol-client';

/**
 * private_key_jwt (RFC 7523 2.2 and 3, OpenID Connect Core 1.0 9): the client proves itself with a
 * JWT signed by its own private key, so the server holds no secret of it at all.
 */
@Injectable()
export class PrivateKeyJwt {
  /**
   * RFC 7523 3, item 3: the issuer identifier, or the token endpoint URL that OpenID Connect Core
   * 1.0 9 asks for; accepted at the revocation and introspection endpoints too, as clients sign
   * one kind of assertion for all three.
   */
  private readonly audiences: readonly string[];

  constructor(
    private readonly dataSource: DataSource,
    private readonly keySets: ClientKeySets,
    @Inject(OAUTH_OPTIONS) { issuer }: OAuthOptions,
  ) {
    this.audiences = [issuer, `${issuer}/oauth2-token`];
  }

  /** Whether `assertion` proves `client`: a key of `keys` signed it, its claims hold, and its jti was never used before. */
  async verify(client: ProtocolClient, keys: ClientKeySource, assertion: string): Promise<boolean> {
    const header = readAssertionHeader(assertion);
    if (!header) return false;
    const candidates = await this.keySets.candidates(keys, header);
    const accepted = verifyClientAssertion(assertion, candidates, { clientId: client.clientId, audiences: this.audiences, now: new Date() });
    return accepted !== undefined && (await this.firstUse(client.id, accepted));
  }

  /** One insert decides, among concurrent requests on any number of instances (RFC 7523 3, item 7). */
  private async firstUse(applicationId: number, { jti, acceptableUntil }: AcceptedAssertion): Promise<boolean> {
    try {
      await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(UsedClientAssertion)
        .values({ digest: createHash('sha256').update(`${applicationId}:${jti}`).digest('hex'), expiresAt: acceptableUntil })
        .execute();
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
