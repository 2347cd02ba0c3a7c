import { ApiProperty } from '@nestjs/swagger';
import type { OAuthAvailabilityDto } from '@keyhouse/shared-contracts';

export class OAuthAvailabilityAnswer implements OAuthAvailabilityDto {
  @ApiProperty({ description: 'Whether tokens can be signed.' })
  available!: boolean;

  @ApiProperty({ description: 'The state in words: what the console shows when keys are missing.' })
  message!: string;
}
