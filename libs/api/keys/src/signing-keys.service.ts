import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OAuthAvailabilityDto } from '@keyhouse/shared-contracts';
import { KEYS_OPTIONS, type KeysOptions } from './keys-options';
import { availabilityOf, loadSigningKeys, type SigningKeyPair } from './signing-keys';

@Injectable()
export class SigningKeysService {
  readonly keys: SigningKeyPair | undefined;

  constructor(@Inject(KEYS_OPTIONS) options: KeysOptions) {
    const logger = new Logger('Keys');
    const { keys, generated } = loadSigningKeys(options);
    this.keys = keys;
    if (generated) {
      logger.warn(`generated a new RSA key pair: ${options.privateKeyPath} (mode 0600) and ${options.publicKeyPath}; provide your own in production`);
    } else if (!keys) {
      logger.warn(`no signing key at ${options.privateKeyPath} and OAUTH_GENERATE_KEYS is off: OAuth tokens cannot be issued`);
    }
  }

  availability(): OAuthAvailabilityDto {
    return availabilityOf(this.keys);
  }
}
