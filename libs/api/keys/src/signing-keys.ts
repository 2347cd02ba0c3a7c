import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { KEYS_MISSING_MESSAGE, type OAuthAvailabilityDto } from '@keyhouse/shared-contracts';
import type { KeysOptions } from './keys-options';
import { algorithmOf, describeKey, generateKeyPairFor, keyNeededBy, SIGNING_ALGORITHMS, type SigningAlgorithm } from './signing-algorithms';

/** A key file that exists but cannot be used: start-up stops with this one line. */
export class KeyFileError extends Error {}

export interface SigningKeyPair {
  /** Follows from the key's type: the only algorithm it signs and verifies with. */
  alg: SigningAlgorithm;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export type KeysLoadResult = { keys: SigningKeyPair; generated: boolean } | { keys: undefined; generated: false };

type KeyPaths = Pick<KeysOptions, 'privateKeyPath' | 'publicKeyPath'>;

/**
 * Reads the pair once into key objects (parsing a PEM per signature would cost two thirds of the
 * RS256 signing throughput), of the type OAUTH_SIGNING_ALG names. Missing keys are a state, not a
 * crash: the console shows Oro's warning and the token endpoint answers 503 until an operator
 * provides them.
 */
export function loadSigningKeys({ privateKeyPath, publicKeyPath, generate, algorithm }: KeysOptions): KeysLoadResult {
  if (!existsSync(privateKeyPath)) {
    if (!generate) return { keys: undefined, generated: false };
    if (existsSync(publicKeyPath)) {
      throw new KeyFileError(`OAUTH_PRIVATE_KEY_PATH=${privateKeyPath}: missing while ${publicKeyPath} exists; refusing to replace a public key whose private half is lost`);
    }
    return { keys: generatePair(algorithm, privateKeyPath, publicKeyPath), generated: true };
  }
  const privateKey = readPrivateKey(privateKeyPath);
  if (algorithmOf(privateKey) !== algorithm) {
    throw new KeyFileError(`OAUTH_PRIVATE_KEY_PATH=${privateKeyPath}: holds ${describeKey(privateKey)}, but OAUTH_SIGNING_ALG=${algorithm} needs ${keyNeededBy(algorithm)}`);
  }
  return { keys: withPublicKey(algorithm, privateKey, { privateKeyPath, publicKeyPath }), generated: false };
}

/**
 * The pair on disk whatever algorithm it signs with, or undefined when there is none: a rotation
 * retires it, and an instance whose key files were rotated under it signs with the new pair.
 */
export function readSigningKeys(paths: KeyPaths): SigningKeyPair | undefined {
  if (!existsSync(paths.privateKeyPath)) return undefined;
  const privateKey = readPrivateKey(paths.privateKeyPath);
  const alg = algorithmOf(privateKey);
  if (!alg) {
    throw new KeyFileError(`OAUTH_PRIVATE_KEY_PATH=${paths.privateKeyPath}: holds ${describeKey(privateKey)}, which signs none of ${SIGNING_ALGORITHMS.join(', ')}`);
  }
  return withPublicKey(alg, privateKey, paths);
}

export function availabilityOf(keys: SigningKeyPair | undefined): OAuthAvailabilityDto {
  return keys
    ? { available: true, message: 'OAuth authorization is available.' }
    : { available: false, message: KEYS_MISSING_MESSAGE };
}

/** `keys generate`: a new pair where there is none. Never replaces a key: replacing one is a rotation. */
export function generateSigningKeys({ privateKeyPath, publicKeyPath, algorithm }: Pick<KeysOptions, 'privateKeyPath' | 'publicKeyPath' | 'algorithm'>): SigningKeyPair {
  for (const [variable, path] of [
    ['OAUTH_PRIVATE_KEY_PATH', privateKeyPath],
    ['OAUTH_PUBLIC_KEY_PATH', publicKeyPath],
  ]) {
    if (existsSync(path)) throw new KeyFileError(`${variable}=${path}: already exists; \`keys rotate\` replaces a key pair`);
  }
  return generatePair(algorithm, privateKeyPath, publicKeyPath);
}

function readPrivateKey(path: string): KeyObject {
  return parse('OAUTH_PRIVATE_KEY_PATH', path, (pem) => createPrivateKey(pem));
}

/** The public key file, when there is one, must be the private key's own half. */
function withPublicKey(alg: SigningAlgorithm, privateKey: KeyObject, { privateKeyPath, publicKeyPath }: KeyPaths): SigningKeyPair {
  const derived = createPublicKey(privateKey);
  if (!existsSync(publicKeyPath)) return { alg, privateKey, publicKey: derived };
  const publicKey = parse('OAUTH_PUBLIC_KEY_PATH', publicKeyPath, (pem) => createPublicKey(pem));
  if (!publicKey.equals(derived)) {
    throw new KeyFileError(`OAUTH_PUBLIC_KEY_PATH=${publicKeyPath}: does not belong to the private key in ${privateKeyPath}`);
  }
  return { alg, privateKey, publicKey };
}

function parse(variable: string, path: string, read: (pem: string) => KeyObject): KeyObject {
  try {
    return read(readFileSync(path, 'utf8'));
  } catch {
    throw new KeyFileError(`${variable}=${path}: not a PEM key this server can read`);
  }
}

function generatePair(alg: SigningAlgorithm, privateKeyPath: string, publicKeyPath: string): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairFor(alg);
  for (const path of [privateKeyPath, publicKeyPath]) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // 'wx': never overwrite a key another instance wrote a moment ago.
  writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  writeFileSync(publicKeyPath, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644, flag: 'wx' });
  return { alg, privateKey, publicKey };
}
