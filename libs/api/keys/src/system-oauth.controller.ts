import { Controller, Get } from '@nestjs/common';
import type { OAuthAvailabilityDto } from '@keyhouse/shared-contracts';
import { SigningKeysService } from './signing-keys.service';

/** The console's "encryption keys" state (any signed-in user may ask). */
@Controller('admin/api/system/oauth')
export class SystemOAuthController {
  constructor(private readonly signingKeys: SigningKeysService) {}

  @Get()
  availability(): OAuthAvailabilityDto {
    return this.signingKeys.availability();
  }
}
