import { Inject, Injectable } from '@nestjs/common';
import { ClientAuthThrottleRepository, secretMatchesDigest } from '@keyhouse/api-applications';
import { usesClientSecret } from '@keyhouse/shared-contracts';
import { InvalidClientError, TemporarilyUnavailableError } from '../errors/oauth-errors';
import { OAUTH_OPTIONS, type OAuthOptions } from '../oauth-options';
import { UsageEvents } from '../usage/usage-events';
import { readParameters, type Parameters } from '../http/token-parameters';
import type { ProtocolRequest } from '../http/protocol-server';
import { readClientCredentials, type PresentedClient } from './client-credentials';
import type { ClientKeySource } from './client-key-sets';
import { PrivateKeyJwt } from './private-key-jwt';
import type { ProtocolClient } from './protocol-client';
import { ProtocolQueries, type AddressFailures, type LiveSecret } from './protocol-queries';

// Compared against when there is nothing real to compare, so every failure costs the same.
const DECOY: LiveSecret = { id: 0, digest: '0'.repeat(64) };

@Injectable()
export class ClientAuthenticator {
  constructor(
    private readonly queries: ProtocolQueries,
    private readonly throttles: ClientAuthThrottleRepository,
    private readonly usage: UsageEvents,
    private readonly privateKeyJwt: PrivateKeyJwt,
    @Inject(OAUTH_OPTIONS) private readonly options: OAuthOptions,
  ) {}

  /** The first step of every protocol endpoint: its parameters, and the client that sent them. */
  async authenticateRequest(request: ProtocolRequest): Promise<{ client: ProtocolClient; parameters: Parameters }> {
    const parameters = readParameters(request.body);
    const client = await this.authenticate(readClientCredentials(request.headers.authorization, parameters), request.ip);
    return { client, parameters };
  }

  /**
   * The application behind the presented credentials, sent from `address`. Unknown client, wrong
   * or expired secret, an assertion that does not prove the client, a method other than the one
   * the application was registered with, deactivated application: all the same `invalid_client`
   * (RFC 6749 5.2, RFC 7521 4.2.1), a secret after the same work; an address throttled after too
   * many wrong secrets: 429.
   */
  async authenticate(presented: PresentedClient, address: string): Promise<ProtocolClient> {
    const found = await this.queries.clientWithCredentials(presented.clientId, address);
    const client = found?.client;
    const retryAfter = secondsLeft(found?.addressFailures);
    // A throttled address is refused before any secret is compared, the right one included, while
    // the application's clients elsewhere go on (RFC 6749 5.2 temporarily_unavailable, with the 429
    // and Retry-After of RFC 6585 4).
    if (client && retryAfter > 0) {
      this.usage.authenticationFailed(client.id);
      throw new TemporarilyUnavailableError('Too many wrong client secrets from this address. Try again later.', 429, retryAfter);
    }
    const matched = match(presented.secret ?? '', found?.secrets ?? []);
    const accepted = client !== undefined && client.active && found !== undefined && (await this.proves(client, presented, matched, found.keys));
    if (!client || !accepted) {
      // An unknown client ID is nobody's failure: only a known application's is counted.
      if (client) this.usage.authenticationFailed(client.id);
      if (client && isWrongSecret(client, presented, matched)) await this.throttles.recordFailure(client.id, address, this.options.clientAuthThrottle);
      throw new InvalidClientError();
    }

    if (found?.addressFailures) await this.throttles.clear(client.id, address);
    this.usage.secretUsed(matched?.id);
    return client;
  }

  /** Whether the client proved itself the way it was registered to: a secret by either method, its assertion, or nothing for a public client. */
  private async proves(client: ProtocolClient, presented: PresentedClient, matched: LiveSecret | undefined, keys: ClientKeySource): Promise<boolean> {
    const method = client.tokenEndpointAuthMethod;
    if (usesClientSecret(method)) return usesClientSecret(presented.method) && matched !== undefined;
    if (method === 'private_key_jwt') return presented.assertion !== undefined && this.privateKeyJwt.verify(client, keys, presented.assertion);
    return presented.method === 'none';
  }
}

/** Whole seconds until the address's throttle ends, rounded up so a retry is never early (RFC 9110 10.2.3); 0: not throttled. */
function secondsLeft(failures: AddressFailures | undefined): number {
  const left = (failures?.throttledUntil?.getTime() ?? 0) - Date.now();
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/**
 * Only a secret presented for an active application that has secrets, and wrong (or expired), is
 * counted towards the throttle: no secret at all, a public or keyless client, or a deactivated
 * application is nobody guessing, and must never cost the application's own clients anything. An
 * assertion cannot be guessed either: a bad one is refused, never counted.
 */
function isWrongSecret(client: ProtocolClient, presented: PresentedClient, matched: LiveSecret | undefined): boolean {
  return client.active && usesClientSecret(client.tokenEndpointAuthMethod) && Boolean(presented.secret) && matched === undefined;
}

/** Checks every live secret (rotation may leave two) without stopping at the first match. */
function match(secret: string, live: LiveSecret[]): LiveSecret | undefined {
  let matched: LiveSecret | undefined;
  for (const candidate of live.length ? live : [DECOY]) {
    if (secretMatchesDigest(secret, candidate.digest) && candidate !== DECOY) matched ??= candidate;
  }
  return matched;
}
