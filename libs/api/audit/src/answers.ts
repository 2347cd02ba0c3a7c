import { ApiProperty } from '@nestjs/swagger';
import type { AuditEventDto } from '@keyhouse/shared-contracts';

/** The answers of the audit trail, as the OpenAPI document describes them; the contract says what each field means. */

type Actor = AuditEventDto['actor'];
type ActingApplication = Required<Actor>['application'];
type Target = AuditEventDto['target'];

export class AuditActorApplicationAnswer implements ActingApplication {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty()
  clientId!: string;

  @ApiProperty()
  name!: string;
}

export class AuditActorAnswer implements Actor {
  @ApiProperty({ type: 'integer', nullable: true, description: 'Null: the server or the command line (`system`).' })
  id!: number | null;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: () => AuditActorApplicationAnswer, required: false, description: 'The application the actor acted through.' })
  application?: AuditActorApplicationAnswer;
}

export class AuditTargetAnswer implements Target {
  @ApiProperty()
  type!: string;

  @ApiProperty({ type: String, nullable: true })
  id!: string | null;

  @ApiProperty()
  name!: string;
}

export class AuditEventAnswer implements AuditEventDto {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ example: 'oauth_application.updated' })
  action!: string;

  @ApiProperty({ type: () => AuditActorAnswer })
  actor!: AuditActorAnswer;

  @ApiProperty({ type: () => AuditTargetAnswer })
  target!: AuditTargetAnswer;

  @ApiProperty({ type: 'integer', nullable: true })
  organizationId!: number | null;

  @ApiProperty({ type: 'integer', isArray: true })
  organizationIds!: number[];

  @ApiProperty({ type: String, nullable: true })
  ip!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The fields the action changed, as they were (never a secret).' })
  before!: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The fields the action changed, as they became (never a secret).' })
  after!: Record<string, unknown> | null;
}
