export interface KeysOptions {
  privateKeyPath: string;
  publicKeyPath: string;
  /** Create a 2048-bit pair when the private key is missing. */
  generate: boolean;
}

export const KEYS_OPTIONS = Symbol('KEYS_OPTIONS');
