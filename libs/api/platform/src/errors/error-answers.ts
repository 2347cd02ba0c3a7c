import { ApiProperty } from '@nestjs/swagger';
import type { ApiErrorBody } from '@keyhouse/shared-contracts';

/** Every 4xx and 5xx answer of the back-office API, as the OpenAPI document describes it. */
export class ErrorAnswer implements ApiErrorBody {
  @ApiProperty({ description: 'What went wrong, in words for the user.' })
  message!: string;
}

/** A 400: each field at fault with its message; `{}` when the request as a whole is (unparsable JSON, a body that is not an object). */
export class ValidationErrorAnswer extends ErrorAnswer {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'One message per field, named by its path (`memberships.0.roles`); `id` for a path id, `filter`, `sort` or `range` for a list.',
    example: { email: 'Enter an email address.' },
  })
  errors!: Record<string, string>;
}
