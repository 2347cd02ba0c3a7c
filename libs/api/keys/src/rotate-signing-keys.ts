import { createPublicKey, type KeyObject } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { DataSource, IsNull } from 'typeorm';
import { thumbprint } from './jwk';
import type { KeysOptions } from './keys-options';
import { SigningKeyRecord } from './signing-key.entity';
import { algorithmOf, generateKeyPairFor, type SigningAlgorithm } from './signing-algorithms';
import { KeyFileError, readSigningKeys } from './signing-keys';

/** The longest an access token can live (ACCESS_TOKEN_TTL and per-application overrides are capped at a day). */
export const LONGEST_TOKEN_LIFETIME_SECONDS = 86_400;
/** Instances sharing the key files pick up the new key within 30 s; tokens they sign until then need this too. */
const PICK_UP_MARGIN_SECONDS = 120;

export interface Rotation {
  retiredKid: string;
  retiredAlg: SigningAlgorithm;
  newKid: string;
  newAlg: SigningAlgorithm;
  verifyUntil: Date;
}

/**
 * Replaces the key pair on disk with a new one of the type OAUTH_SIGNING_ALG names, which may be
 * another than the old one's, and registers it; the old public key keeps verifying (with its own
 * algorithm) until every token it may have signed has expired.
 */
export async function rotateSigningKeys(options: KeysOptions, dataSource: DataSource): Promise<Rotation> {
  const old = readSigningKeys(options);
  if (!old) throw new KeyFileError(`OAUTH_PRIVATE_KEY_PATH=${options.privateKeyPath}: there is no key to rotate`);
  const retiredKid = thumbprint(old.publicKey);
  const fresh = generateKeyPairFor(options.algorithm);
  const newKid = thumbprint(fresh.publicKey);
  const verifyUntil = new Date(Date.now() + (LONGEST_TOKEN_LIFETIME_SECONDS + PICK_UP_MARGIN_SECONDS) * 1000);

  await dataSource.transaction(async (db) => {
    const records = db.getRepository(SigningKeyRecord);
    await records.upsert({ kid: retiredKid, publicKey: pem(old.publicKey), verifyUntil }, ['kid']);
    await records.upsert({ kid: newKid, publicKey: pem(fresh.publicKey), verifyUntil: null }, ['kid']);
  });
  // Public first, then private: an instance noticing the new private key finds its public half in place.
  replaceFile(options.publicKeyPath, pem(fresh.publicKey), 0o644);
  replaceFile(options.privateKeyPath, fresh.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 0o600);
  return { retiredKid, retiredAlg: old.alg, newKid, newAlg: options.algorithm, verifyUntil };
}

const pem = (publicKey: KeyObject) => publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** Write then rename: readers see the old file or the new one, never half of one. */
function replaceFile(path: string, content: string, mode: number): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode });
  renameSync(temporary, path);
}

export interface Retirement {
  /** Undefined for a registered key of no type this server signs with. */
  alg: SigningAlgorithm | undefined;
  verifyUntil: Date;
  /** It was retired before (by a rotation or an earlier retirement): its date stands. */
  alreadyRetired: boolean;
}

/**
 * `keys retire`: for a key replaced by new key files on every instance rather than by `keys
 * rotate` (a Kubernetes Secret, another algorithm). It keeps verifying until every token it may
 * have signed has expired, then leaves the JWKS and the metadata. Undefined when no key has that kid.
 */
export async function retireSigningKey(options: Pick<KeysOptions, 'privateKeyPath' | 'publicKeyPath'>, dataSource: DataSource, kid: string): Promise<Retirement | undefined> {
  const inFiles = readSigningKeys(options);
  if (inFiles && thumbprint(inFiles.publicKey) === kid) {
    throw new KeyFileError(`OAUTH_PRIVATE_KEY_PATH=${options.privateKeyPath}: holds key ${kid}, which instances sign with; \`keys rotate\` replaces it`);
  }
  const records = dataSource.getRepository(SigningKeyRecord);
  const record = await records.findOneBy({ kid });
  if (!record) return undefined;
  const alg = algorithmOf(createPublicKey(record.publicKey));
  if (record.verifyUntil) return { alg, verifyUntil: record.verifyUntil, alreadyRetired: true };
  const verifyUntil = new Date(Date.now() + (LONGEST_TOKEN_LIFETIME_SECONDS + PICK_UP_MARGIN_SECONDS) * 1000);
  await records.update({ kid, verifyUntil: IsNull() }, { verifyUntil });
  return { alg, verifyUntil, alreadyRetired: false };
}
