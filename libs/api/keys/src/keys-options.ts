import type { SigningAlgorithm } from './signing-algorithms';
import type { KeysLoadResult } from './signing-keys';

export interface KeysOptions {
  privateKeyPath: string;
  publicKeyPath: string;
  /** OAUTH_SIGNING_ALG: what new tokens are signed with, so what the key files must hold. */
  algorithm: SigningAlgorithm;
  /** Create a pair of that type when the private key is missing. */
  generate: boolean;
}

/** The keys as loaded at start-up, before the application is built, so a bad file fails fast. */
export interface LoadedKeys extends KeysOptions {
  loaded: KeysLoadResult;
}

export const LOADED_KEYS = Symbol('LOADED_KEYS');
