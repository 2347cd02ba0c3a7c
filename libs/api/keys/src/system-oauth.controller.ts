import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import type { OAuthAvailabilityDto } from '@keyhouse/shared-contracts';
import { OAuthAvailabilityAnswer } from './answers';
import { SigningKeysService } from './signing-keys.service';

/** The console's "encryption keys" state (any signed-in user may ask). */
@Controller('admin/api/system/oauth')
export class SystemOAuthController {
  constructor(private readonly signingKeys: SigningKeysService) {}

  @Get()
  @ApiOkResponse({ type: OAuthAvailabilityAnswer })
  availability(): OAuthAvailabilityDto {
    return this.signingKeys.availability();
  }
}
