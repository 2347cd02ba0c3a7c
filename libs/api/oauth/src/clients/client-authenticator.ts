import { Inject, Injectable } from '@nestjs/common';
import { secretMatchesDigest } from '@keyhouse/api-applications';
import { InvalidClientError } from '../errors/oauth-errors';
import { OAUTH_OPTIONS, type OAuthOptions } from '../oauth-options';
import { UsageRecorder } from '../usage/usage-recorder';
import { readParameters, type Parameters } from '../http/token-parameters';
import type { ProtocolRequest } from '../http/protocol-server';
import { readClientCredentials, type PresentedClient } from './client-credentials';
import type { ProtocolClient } from './protocol-client';
import { ProtocolQueries, type LiveSecret } from './protocol-queries';

// Compared against when there is nothing real to compare, so every failure costs the same.
const DECOY: LiveSecret = { id: 0, digest: '0'.repeat(64) };

@Injectable()
export class ClientAuthenticator {
  constructor(
    private readonly queries: ProtocolQueries,
    private readonly usage: UsageRecorder,
    @Inject(OAUTH_OPTIONS) private readonly options: OAuthOptions,
  ) {}

  /** The first step of every protocol endpoint: its parameters, and the client that sent them. */
  async authenticateRequest(request: ProtocolRequest): Promise<{ client: ProtocolClient; parameters: Parameters }> {
    const parameters = readParameters(request.body);
    const client = await this.authenticate(readClientCredentials(request.headers.authorization, parameters));
    return { client, parameters };
  }

  /**
   * The application behind the presented credentials. Unknown client, wrong or expired secret,
   * deactivated application: all the same `invalid_client`, after the same work.
   */
  async authenticate(presented: PresentedClient): Promise<ProtocolClient> {
    const found = await this.queries.clientWithLiveSecrets(presented.clientId);
    const client = found?.client;
    // A locked application is refused before any secret is compared: guessing gets no answer.
    if (client && isLocked(client)) {
      this.usage.authenticationFailed(client.id);
      throw new InvalidClientError();
    }
    const matched = match(presented.secret ?? '', found?.secrets ?? []);
    const accepted =
      client !== undefined &&
      client.active &&
      (client.confidential ? presented.method !== 'none' && matched !== undefined : presented.method === 'none');
    if (!client || !accepted) {
      // An unknown client ID is nobody's failure: only a known application's is counted.
      if (client) this.usage.authenticationFailed(client.id);
      // Only a wrong secret counts towards the lock: a deactivated application is not guessing.
      if (client?.confidential && matched === undefined) await this.recordFailure(client);
      throw new InvalidClientError();
    }

    if (client.failedAuthCount > 0) await this.queries.resetFailedAuthentications(client.id);
    this.usage.secretUsed(matched?.id);
    return client;
  }

  private async recordFailure(client: ProtocolClient): Promise<void> {
    const { maxFailures, lockSeconds } = this.options.clientLockout;
    await this.queries.recordFailedAuthentication(client.id, maxFailures, lockSeconds);
  }
}

const isLocked = (client: ProtocolClient) => client.lockedUntil !== null && client.lockedUntil.getTime() > Date.now();

/** Checks every live secret (rotation may leave two) without stopping at the first match. */
function match(secret: string, live: LiveSecret[]): LiveSecret | undefined {
  let matched: LiveSecret | undefined;
  for (const candidate of live.length ? live : [DECOY]) {
    if (secretMatchesDigest(secret, candidate.digest) && candidate !== DECOY) matched ??= candidate;
  }
  return matched;
}
