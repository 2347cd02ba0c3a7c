import { Module, type DynamicModule } from '@nestjs/common';
import { LOADED_KEYS, type KeysOptions } from './keys-options';
import { loadSigningKeys } from './signing-keys';
import { SigningKeysService } from './signing-keys.service';
import { SystemOAuthController } from './system-oauth.controller';

@Module({})
export class KeysModule {
  /** Reads (or generates) the key files now: a bad file throws `KeyFileError` before Nest starts. */
  static forRoot(options: KeysOptions): DynamicModule {
    const keys = { ...options, loaded: loadSigningKeys(options) };
    return {
      module: KeysModule,
      controllers: [SystemOAuthController],
      providers: [{ provide: LOADED_KEYS, useValue: keys }, SigningKeysService],
      exports: [SigningKeysService],
    };
  }
}
