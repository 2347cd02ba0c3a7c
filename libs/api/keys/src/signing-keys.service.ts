import type { KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OAuthAvailabilityDto } from '@keyhouse/shared-contracts';
import { LOADED_KEYS, type LoadedKeys } from './keys-options';
import { publicJwk, thumbprint, type PublicJwk } from './jwk';
import { availabilityOf, type SigningKeyPair } from './signing-keys';

export interface ActiveSigningKey {
  kid: string;
  privateKey: KeyObject;
}

@Injectable()
export class SigningKeysService {
  readonly keys: SigningKeyPair | undefined;
  /** The key new tokens are signed with; undefined while keys are missing. */
  readonly signingKey: ActiveSigningKey | undefined;
  /** Every key a token may be verified with, by `kid`. */
  readonly verificationKeys: ReadonlyMap<string, KeyObject>;

  constructor(@Inject(LOADED_KEYS) { loaded, privateKeyPath, publicKeyPath }: LoadedKeys) {
    const logger = new Logger('Keys');
    this.keys = loaded.keys;
    const kid = loaded.keys ? thumbprint(loaded.keys.publicKey) : undefined;
    this.signingKey = loaded.keys && kid ? { kid, privateKey: loaded.keys.privateKey } : undefined;
    this.verificationKeys = new Map(loaded.keys && kid ? [[kid, loaded.keys.publicKey]] : []);
    if (loaded.generated) {
      logger.warn(`generated a new RSA key pair: ${privateKeyPath} (mode 0600) and ${publicKeyPath}; provide your own in production`);
    } else if (!loaded.keys) {
      logger.warn(`no signing key at ${privateKeyPath} and OAUTH_GENERATE_KEYS is off: OAuth tokens cannot be issued`);
    }
  }

  availability(): OAuthAvailabilityDto {
    return availabilityOf(this.keys);
  }

  /** RFC 7517 key set: the public halves of every verification key. */
  jwks(): { keys: PublicJwk[] } {
    return { keys: [...this.verificationKeys.values()].map(publicJwk) };
  }
}
