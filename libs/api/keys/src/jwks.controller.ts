import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@keyhouse/api-platform';
import type { PublicJwk } from './jwk';
import { SigningKeysService } from './signing-keys.service';

@Public()
@Controller('.well-known/jwks.json')
export class JwksController {
  constructor(private readonly signingKeys: SigningKeysService) {}

  /** Public keys only; cacheable briefly so a rotation propagates within minutes. */
  @Get()
  @Header('Cache-Control', 'public, max-age=300')
  jwks(): Promise<{ keys: PublicJwk[] }> {
    return this.signingKeys.jwks();
  }
}
