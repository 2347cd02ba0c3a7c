import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { KEYS_MISSING_MESSAGE, type OAuthAvailabilityDto } from '@keyhouse/shared-contracts';
import type { KeysOptions } from './keys-options';

/** A key file that exists but cannot be used: start-up stops with this one line. */
export class KeyFileError extends Error {}

export interface SigningKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export type KeysLoadResult = { keys: SigningKeyPair; generated: boolean } | { keys: undefined; generated: false };

/**
 * Reads the RSA pair once into key objects (parsing a PEM per signature would cost two thirds of
 * the signing throughput). Missing keys are a state, not a crash: the console shows Oro's warning
 * and the token endpoint answers 503 until an operator provides them.
 */
export function loadSigningKeys({ privateKeyPath, publicKeyPath, generate }: KeysOptions): KeysLoadResult {
  if (!existsSync(privateKeyPath)) {
    if (!generate) return { keys: undefined, generated: false };
    if (existsSync(publicKeyPath)) {
      throw new KeyFileError(`OAUTH_PRIVATE_KEY_PATH=${privateKeyPath}: missing while ${publicKeyPath} exists; refusing to replace a public key whose private half is lost`);
    }
    return { keys: generatePair(privateKeyPath, publicKeyPath), generated: true };
  }

  const privateKey = parse('OAUTH_PRIVATE_KEY_PATH', privateKeyPath, (pem) => createPrivateKey(pem));
  if (privateKey.asymmetricKeyType !== 'rsa' || (privateKey.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) {
    throw new KeyFileError(`OAUTH_PRIVATE_KEY_PATH=${privateKeyPath}: expected an RSA private key of at least 2048 bits`);
  }
  const derived = createPublicKey(privateKey);
  if (!existsSync(publicKeyPath)) return { keys: { privateKey, publicKey: derived }, generated: false };

  const publicKey = parse('OAUTH_PUBLIC_KEY_PATH', publicKeyPath, (pem) => createPublicKey(pem));
  if (!publicKey.equals(derived)) {
    throw new KeyFileError(`OAUTH_PUBLIC_KEY_PATH=${publicKeyPath}: does not belong to the private key in ${privateKeyPath}`);
  }
  return { keys: { privateKey, publicKey }, generated: false };
}

export function availabilityOf(keys: SigningKeyPair | undefined): OAuthAvailabilityDto {
  return keys
    ? { available: true, message: 'OAuth authorization is available.' }
    : { available: false, message: KEYS_MISSING_MESSAGE };
}

function parse(variable: string, path: string, read: (pem: string) => KeyObject): KeyObject {
  try {
    return read(readFileSync(path, 'utf8'));
  } catch {
    throw new KeyFileError(`${variable}=${path}: not a PEM key this server can read`);
  }
}

/** `keys generate`: a new pair where there is none. Never replaces a key: replacing one is a rotation. */
export function generateSigningKeys({ privateKeyPath, publicKeyPath }: Pick<KeysOptions, 'privateKeyPath' | 'publicKeyPath'>): SigningKeyPair {
  for (const [variable, path] of [
    ['OAUTH_PRIVATE_KEY_PATH', privateKeyPath],
    ['OAUTH_PUBLIC_KEY_PATH', publicKeyPath],
  ]) {
    if (existsSync(path)) throw new KeyFileError(`${variable}=${path}: already exists; \`keys rotate\` replaces a key pair`);
  }
  return generatePair(privateKeyPath, publicKeyPath);
}

function generatePair(privateKeyPath: string, publicKeyPath: string): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  for (const path of [privateKeyPath, publicKeyPath]) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // 'wx': never overwrite a key another instance wrote a moment ago.
  writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  writeFileSync(publicKeyPath, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644, flag: 'wx' });
  return { privateKey, publicKey };
}
