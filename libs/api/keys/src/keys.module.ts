import { Module, type DynamicModule } from '@nestjs/common';
import { LOADED_KEYS, type KeysOptions } from './keys-options';
import { loadSigningKeys } from './signing-keys';
import { SigningKeysService } from './signing-keys.service';
import { JwksController } from './jwks.controller';
import { SystemOAuthController } from './system-oauth.controller';

@Module({})
export class KeysModule {
  /** Reads (or generates) the key files now: a bad file throws `KeyFileError` before Nest starts. */
  static forRoot(options: KeysOptions): DynamicModule {
    const keys = { ...options, loaded: loadSigningKeys(options) };
    return {
      module: KeysModule,
      // One key set for the whole process: the protocol signs with it, the console reports on it.
      global: true,
      controllers: [SystemOAuthController, JwksController],
      providers: [{ provide: LOADED_KEYS, useValue: keys }, SigningKeysService],
      exports: [SigningKeysService],
    };
  }
}
