import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { DEFAULT_ROTATION_OVERLAP_DAYS, type ClientSecretInput } from '@keyhouse/shared-contracts';
import { FieldRule, Omittable, RequestBody } from '@keyhouse/api-platform';
import { parseDateTime } from './secret-rotation';

const DATE_TIME_FORMAT = 'Give an ISO 8601 date and time with a time zone, e.g. 2030-01-31T12:00:00Z.';

const IsDateTime = (message: string) => FieldRule('isDateTime', (value) => (parseDateTime(value) ? undefined : message));

/** The body of `POST oauth-applications/:id/secrets`; `{}`, or no body at all, adds a secret with the defaults. */
@RequestBody('Send the options of the new secret as a JSON object.', { optional: true })
export class AddClientSecretBody implements ClientSecretInput {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2030-01-31T12:00:00Z',
    description: 'When the new secret expires: ISO 8601 with a time zone, in the future. Absent or null: never.',
  })
  @IsOptional()
  @IsDateTime(DATE_TIME_FORMAT)
  expiresAt?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    example: '2030-01-07T12:00:00Z',
    description: `When the secrets live now stop working: ISO 8601 with a time zone, never after the new one expires. Default: in ${DEFAULT_ROTATION_OVERLAP_DAYS} days. Now or earlier revokes them at once.`,
  })
  @Omittable()
  @IsDateTime(`${DATE_TIME_FORMAT} Now or earlier revokes the current secrets at once.`)
  previousExpiresAt?: string;
}
