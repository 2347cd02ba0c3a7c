import { statSync } from 'node:fs';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { OAuthAvailabilityDto } from '@keyhouse/shared-contracts';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { publicJwk, thumbprint, type PublicJwk } from './jwk';
import { LOADED_KEYS, type LoadedKeys } from './keys-options';
import { SigningKeyRecord } from './signing-key.entity';
import { availabilityOf, loadSigningKeys, type SigningKeyPair } from './signing-keys';

export interface ActiveSigningKey {
  kid: string;
  privateKey: KeyObject;
}

const KEY_FILE_CHECK_MS = 30_000;

interface VerificationKey {
  key: KeyObject;
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
  private verification = new Map<string, VerificationKey>();
  private keyFileStamp: number | undefined;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(LOADED_KEYS) private readonly options: LoadedKeys,
    private readonly dataSource: DataSource,
  ) {
    const { loaded, privateKeyPath, publicKeyPath } = options;
    this.adopt(loaded.keys);
    if (loaded.generated) {
      this.logger.warn(`generated a new RSA key pair: ${privateKeyPath} (mode 0600) and ${publicKeyPath}; provide your own in production`);
    } else if (!loaded.keys) {
      this.logger.warn(`no signing key at ${privateKeyPath} and OAUTH_GENERATE_KEYS is off: OAuth tokens cannot be issued`);
    }
  }

  /** The key new tokens are signed with; undefined while keys are missing. */
  get signingKey(): ActiveSigningKey | undefined {
    return this.current && { kid: this.current.kid, privateKey: this.current.privateKey };
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
   * The public key for a `kid`, while it still verifies. An unknown kid may be another
   * instance's new key: one primary-key lookup in the registry tells.
   */
  async verificationKey(kid: string): Promise<KeyObject | undefined> {
    let known = this.verification.get(kid);
    if (!known) {
      const record = await this.dataSource.getRepository(SigningKeyRecord).findOneBy({ kid });
      if (!record) return undefined;
      known = toVerificationKey(record);
      this.verification.set(kid, known);
    }
    return known.verifyUntil === undefined || known.verifyUntil > Date.now() ? known.key : undefined;
  }

  /** RFC 7517 key set: the public halves of every key still verifying. */
  async jwks(): Promise<{ keys: PublicJwk[] }> {
    await this.readRegistry();
    const now = Date.now();
    return { keys: [...this.verification.values()].filter((k) => k.verifyUntil === undefined || k.verifyUntil > now).map((k) => publicJwk(k.key)) };
  }

  private adopt(keys: SigningKeyPair | undefined): void {
    this.current = keys && { ...keys, kid: thumbprint(keys.publicKey) };
    if (this.current) this.verification.set(this.current.kid, { key: this.current.publicKey });
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
    const verification = new Map(records.map((record) => [record.kid, toVerificationKey(record)]));
    if (this.current && !verification.has(this.current.kid)) verification.set(this.current.kid, { key: this.current.publicKey });
    this.verification = verification;
  }

  /** A rotation rewrote the key files this instance shares: sign with the new key from now on. */
  private async reloadIfRotated(): Promise<void> {
    const stamp = this.stampOfKeyFile();
    if (stamp === this.keyFileStamp) return;
    this.keyFileStamp = stamp;
    try {
      const { keys } = loadSigningKeys({ ...this.options, generate: false });
      if (!keys) return;
      this.adopt(keys);
      await this.register();
      this.logger.log(`signing with rotated key ${this.current?.kid}`);
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

function toVerificationKey(record: SigningKeyRecord): VerificationKey {
  return { key: createPublicKey(record.publicKey), verifyUntil: record.verifyUntil?.getTime() };
}
