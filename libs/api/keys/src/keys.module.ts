import { Module, type DynamicModule } from '@nestjs/common';
import { KEYS_OPTIONS, type KeysOptions } from './keys-options';
import { SigningKeysService } from './signing-keys.service';
import { SystemOAuthController } from './system-oauth.controller';

@Module({})
export class KeysModule {
  static forRoot(options: KeysOptions): DynamicModule {
    return {
      module: KeysModule,
      controllers: [SystemOAuthController],
      providers: [{ provide: KEYS_OPTIONS, useValue: options }, SigningKeysService],
      exports: [SigningKeysService],
    };
  }
}
