import { ApiProperty } from '@nestjs/swagger';
import type { OrganizationInput } from '@keyhouse/shared-contracts';
import { IsNonBlankText, MAX_TEXT_LENGTH, RequestBody } from '@keyhouse/api-platform';

@RequestBody('Send the organization as a JSON object.', { refused: 'The organization was not created.' })
export class CreateOrganizationBody implements OrganizationInput {
  @ApiProperty({ minLength: 1, example: 'Acme Widgets', description: `Unique across the platform: it names the tenant in emails and lists. At most ${MAX_TEXT_LENGTH} characters, surrounding spaces aside.` })
  @IsNonBlankText('Enter a name for the organization.')
  name!: string;
}
