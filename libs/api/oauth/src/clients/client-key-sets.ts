import { Logger } from '@nestjs/common';
import { signingKeysOf, type ClientSigningKey } from '@keyhouse/api-applications';
import { candidateKeys, type AssertionHeader } from './client-assertion';

/** Where a private_key_jwt client's public keys are: its registered JWK Set (as stored, JSON), or the URL it publishes them at. */
export interface ClientKeySource {
  jwks: string | null;
  jwksUri: string | null;
}

export interface RemoteKeySetPolicy {
  /** How long a fetched set is used before it is fetched again. */
  cacheMs: number;
  /** The least time between two fetches of one URL, however many assertions name a key it lacks. */
  refetchFloorMs: number;
  timeoutMs: number;
  maxBytes: number;
}

const DEFAULT_POLICY: RemoteKeySetPolicy = { cacheMs: 5 * 60_000, refetchFloorMs: 60_000, timeoutMs: 5_000, maxBytes: 64 * 1024 };
const MAX_CACHED_SETS = 1_000;

interface RemoteKeySet {
  keys: ClientSigningKey[];
  fetchedAt: number;
  /** The last attempt, successful or not: the floor counts from it. */
  triedAt: number;
  fetching?: Promise<ClientSigningKey[]>;
}

/**
 * The public keys an assertion may be verified with (OpenID Connect Core 1.0 10.1.1). A jwks_uri
 * is read with a timeout and a size limit, without following redirects, and its set is kept for a
 * while in this instance's memory (the keys are public; each instance fetches its own copy). An
 * assertion naming a key the cached set lacks, as after the client rotated its keys, fetches again,
 * but never more often than the floor: assertions made up by anyone must not turn into a stream of
 * requests to the client's server. A fetch that fails keeps the keys last read.
 */
export class ClientKeySets {
  private readonly logger = new Logger(ClientKeySets.name);
  private readonly remote = new Map<string, RemoteKeySet>();

  constructor(
    private readonly policy: RemoteKeySetPolicy = DEFAULT_POLICY,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The keys that may have signed an assertion with this header. */
  async candidates(source: ClientKeySource, header: AssertionHeader): Promise<ClientSigningKey[]> {
    if (source.jwks !== null) return candidateKeys(signingKeysOf(JSON.parse(source.jwks)), header);
    if (source.jwksUri === null) return [];
    const set = this.remote.get(source.jwksUri) ?? this.track(source.jwksUri);
    const now = this.clock();
    const due = now - set.triedAt >= this.policy.refetchFloorMs && (now - set.fetchedAt >= this.policy.cacheMs || candidateKeys(set.keys, header).length === 0);
    return candidateKeys(due || set.fetching ? await this.refresh(source.jwksUri, set) : set.keys, header);
  }

  private track(uri: string): RemoteKeySet {
    // The oldest first: a set no application uses any more is the first to go.
    if (this.remote.size >= MAX_CACHED_SETS) this.remote.delete(this.remote.keys().next().value as string);
    const set: RemoteKeySet = { keys: [], fetchedAt: -Infinity, triedAt: -Infinity };
    this.remote.set(uri, set);
    return set;
  }

  /** One fetch at a time per URL: concurrent requests wait for the same answer. */
  private refresh(uri: string, set: RemoteKeySet): Promise<ClientSigningKey[]> {
    set.fetching ??= (async () => {
      set.triedAt = this.clock();
      try {
        set.keys = signingKeysOf(await fetchJwkSet(uri, this.policy));
        set.fetchedAt = this.clock();
      } catch (error) {
        this.logger.warn(`The JWK Set at ${uri} could not be read (${(error as Error).message}); assertions are checked against the keys last read.`);
      } finally {
        set.fetching = undefined;
      }
      return set.keys;
    })();
    return set.fetching;
  }
}

async function fetchJwkSet(uri: string, { timeoutMs, maxBytes }: RemoteKeySetPolicy): Promise<unknown> {
  const response = await fetch(uri, {
    redirect: 'error',
    signal: AbortSignal.timeout(timeoutMs),
    headers: { accept: 'application/jwk-set+json, application/json' },
  });
  if (!response.ok || !response.body) throw new Error(`answered ${response.status}`);
  if (Number(response.headers.get('content-length')) > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of response.body) {
    length += chunk.byteLength;
    // Leaving the loop cancels the rest of the body.
    if (length > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}
