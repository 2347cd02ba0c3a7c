import { statSync } from 'node:fs';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { OAuthAvailabilityDto } from '@keyhouse/shared-contracts';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { publicJwk, thumbprint, type PublicJwk } from './jwk';
import { LOADED_KEYS, type LoadedKeys } from './keys-options';
import { SigningKeyRecord } from './signing-key.entity';
import { algorithmOf, keyNeededBy, SIGNING_ALGORITHMS, type SigningAlgorithm } from './signing-algorithms';
import { availabilityOf, readSigningKeys, type SigningKeyPair } from './signing-keys';

export interface ActiveSigningKey {
  kid: string;
  alg: SigningAlgorithm;
  privateKey: KeyObject;
}

/** A public key and the one algorithm it verifies: whatever a token's header claims, this decides. */
export interface VerificationKey {
  alg: SigningAlgorithm;
  publicKey: KeyObject;
}

const KEY_FILE_CHECK_MS = 30_000;

interface RegisteredKey extends VerificationKey {
  /** Epoch ms; undefined while the key is in use. */
  verifyUntil?: number;
}

/**
 * The key this instance signs with, and every key any instance may have signed with. Public
 * keys live in the database (oauth_signing_keys), so instances verify each other's tokens and a
 * rotation reaches all of them without a restart.
 */
@Injectable()
export class SigningKeysService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Keys');
  private current: (SigningKeyPair & { kid: string }) | undefined;
  private verification = new Map<string, RegisteredKey>();
  private keyFileStamp: number | undefined;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(LOADED_KEYS) private readonly options: LoadedKeys,
    private readonly dataSource: DataSource,
  ) {
    const { loaded, privateKeyPath, publicKeyPath, algorithm } = options;
    this.adopt(loaded.keys);
    if (loaded.generated) {
      this.logger.warn(`generated a new ${algorithm} key pair (${keyNeededBy(algorithm)}): ${privateKeyPath} (mode 0600) and ${publicKeyPath}; provide your own in production`);
    } else if (!loaded.keys) {
      this.logger.warn(`no signing key at ${privateKeyPath} and OAUTH_GENERATE_KEYS is off: OAuth tokens cannot be issued`);
    }
  }

  /** The key new tokens are signed with; undefined while keys are missing. */
  get signingKey(): ActiveSigningKey | undefined {
    return this.current && { kid: this.current.kid, alg: this.current.alg, privateKey: this.current.privateKey };
  }

  availability(): OAuthAvailabilityDto {
    return availabilityOf(this.current);
  }

  async onModuleInit(): Promise<void> {
    await this.register();
    await this.readRegistry();
    this.keyFileStamp = this.stampOfKeyFile();
    this.timer = setInterval(() => void this.reloadIfRotated(), KEY_FILE_CHECK_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /**
   * The public key for a `kid`, with its algorithm, while it still verifies. An unknown kid may
   * be another instance's new key: one primary-key lookup in the registry tells.
   */
  async verificationKey(kid: string): Promise<VerificationKey | undefined> {
    let known = this.verification.get(kid);
    if (!known) {
      const record = await this.dataSource.getRepository(SigningKeyRecord).findOneBy({ kid });
      known = record ? toRegisteredKey(record) : undefined;
      if (!known) return undefined;
      this.verification.set(kid, known);
    }
    return stillVerifying(known, Date.now()) ? { alg: known.alg, publicKey: known.publicKey } : undefined;
  }

  /** RFC 7517 key set: the public halves of every key still verifying, each with its `alg`. */
  async jwks(): Promise<{ keys: PublicJwk[] }> {
    return { keys: (await this.verifyingKeys()).map((key) => publicJwk(key.publicKey)) };
  }

  /**
   * The algorithms tokens in circulation are signed with: this instance's first (OAUTH_SIGNING_ALG
   * while keys are missing), then, in a fixed order, those of the other keys still verifying
   * (another instance's, or one rotated out whose tokens live on), so a client that holds tokens
   * to the metadata's list accepts every token it may be given.
   */
  async algorithms(): Promise<SigningAlgorithm[]> {
    const signing = this.current?.alg ?? this.options.algorithm;
    const verifying = new Set((await this.verifyingKeys()).map((key) => key.alg));
    return [signing, ...SIGNING_ALGORITHMS.filter((alg) => alg !== signing && verifying.has(alg))];
  }

  private async verifyingKeys(): Promise<RegisteredKey[]> {
    await this.readRegistry();
    const now = Date.now();
    return [...this.verification.values()].filter((key) => stillVerifying(key, now));
  }

  private adopt(keys: SigningKeyPair | undefined): void {
    this.current = keys && { ...keys, kid: thumbprint(keys.publicKey) };
    if (this.current) this.verification.set(this.current.kid, { alg: this.current.alg, publicKey: this.current.publicKey });
  }

  private async register(): Promise<void> {
    if (!this.current) return;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(SigningKeyRecord)
      .values({ kid: this.current.kid, publicKey: this.current.publicKey.export({ type: 'spki', format: 'pem' }).toString(), verifyUntil: null })
      .orIgnore()
      .execute();
  }

  private async readRegistry(): Promise<void> {
    const records = await this.dataSource.getRepository(SigningKeyRecord).find({
      where: [{ verifyUntil: IsNull() }, { verifyUntil: MoreThan(new Date()) }],
    });
    const verification = new Map<string, RegisteredKey>();
    for (const record of records) {
      // A key already known keeps its key object: only its verifyUntil may have changed.
      const known = this.verification.get(record.kid);
      const key = known ? { ...known, verifyUntil: record.verifyUntil?.getTime() } : toRegisteredKey(record);
      if (key) verification.set(record.kid, key);
    }
    if (this.current && !verification.has(this.current.kid)) verification.set(this.current.kid, { alg: this.current.alg, publicKey: this.current.publicKey });
    this.verification = verification;
  }

  /**
   * A rotation rewrote the key files this instance shares: sign with the new key from now on, even
   * of another algorithm than OAUTH_SIGNING_ALG (the rotation was run with the new setting), so no
   * instance keeps signing with a retired key; the setting must follow before the next start.
   */
  private async reloadIfRotated(): Promise<void> {
    const stamp = this.stampOfKeyFile();
    if (stamp === this.keyFileStamp) return;
    this.keyFileStamp = stamp;
    try {
      const keys = readSigningKeys(this.options);
      if (!keys) return;
      this.adopt(keys);
      await this.register();
      this.logger.log(`signing with rotated key ${this.current?.kid} (${keys.alg})`);
      if (keys.alg !== this.options.algorithm) {
        this.logger.warn(`the rotated key signs ${keys.alg} but OAUTH_SIGNING_ALG=${this.options.algorithm}: set OAUTH_SIGNING_ALG=${keys.alg} before this instance starts again`);
      }
    } catch (error) {
      this.logger.error(`could not load the rotated key: ${(error as Error).message}`);
    }
  }

  private stampOfKeyFile(): number | undefined {
    try {
      return statSync(this.options.privateKeyPath).mtimeMs;
    } catch {
      return undefined;
    }
  }
}

const stillVerifying = (key: RegisteredKey, now: number) => key.verifyUntil === undefined || key.verifyUntil > now;

/** Its algorithm follows from its type; a key of no type we sign with verifies nothing. */
function toRegisteredKey(record: SigningKeyRecord): RegisteredKey | undefined {
  const publicKey = createPublicKey(record.publicKey);
  const alg = algorithmOf(publicKey);
  return alg && { alg, publicKey, verifyUntil: record.verifyUntil?.getTime() };
}
