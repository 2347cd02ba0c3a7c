import type { KeysLoadResult } from './signing-keys';

export interface KeysOptions {
  privateKeyPath: string;
  publicKeyPath: string;
  /** Create a 2048-bit pair when the private key is missing. */
  generate: boolean;
}

/** The keys as loaded at start-up, before the application is built, so a bad file fails fast. */
export interface LoadedKeys extends KeysOptions {
  loaded: KeysLoadResult;
}

export const LOADED_KEYS = Symbol('LOADED_KEYS');
