import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OAuthAvailabilityDto } from '@keyhouse/shared-contracts';
import { LOADED_KEYS, type LoadedKeys } from './keys-options';
import { availabilityOf, type SigningKeyPair } from './signing-keys';

@Injectable()
export class SigningKeysService {
  readonly keys: SigningKeyPair | undefined;

  constructor(@Inject(LOADED_KEYS) { loaded, privateKeyPath, publicKeyPath }: LoadedKeys) {
    const logger = new Logger('Keys');
    this.keys = loaded.keys;
    if (loaded.generated) {
      logger.warn(`generated a new RSA key pair: ${privateKeyPath} (mode 0600) and ${publicKeyPath}; provide your own in production`);
    } else if (!loaded.keys) {
      logger.warn(`no signing key at ${privateKeyPath} and OAUTH_GENERATE_KEYS is off: OAuth tokens cannot be issued`);
    }
  }

  availability(): OAuthAvailabilityDto {
    return availabilityOf(this.keys);
  }
}
