import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsNotEmpty, IsString } from 'class-validator';
import type { InstallAppInput } from '@keyhouse/shared-contracts';
import { IsId, MAX_ID, Omittable, RequestBody } from '@keyhouse/api-platform';

const INTEGRATION_NAME = "Give the application's integration name (its slug).";
const SCOPES = 'Give a list of scopes.';

/** The body of `POST /admin/api/apps/installed`, the app store's install call. */
@RequestBody('Send the app to install as a JSON object.')
export class InstallAppBody implements InstallAppInput {
  @ApiProperty({ type: String, minLength: 1, example: 'erp-sync', description: "The application's integration name (its slug)." })
  @IsString({ message: INTEGRATION_NAME })
  @IsNotEmpty({ message: INTEGRATION_NAME })
  integrationName!: string;

  @ApiPropertyOptional({ type: [String], example: ['orders:read'], description: "The scopes to consent to, each one of the application's; default: all of them." })
  @Omittable()
  @IsArray({ message: SCOPES })
  @IsString({ each: true, message: SCOPES })
  scopes?: string[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_ID, example: 1, description: 'The organization to install it in, one the caller belongs to; default: their first.' })
  @Omittable()
  @IsId('Must be an id.')
  organizationId?: number;
}
