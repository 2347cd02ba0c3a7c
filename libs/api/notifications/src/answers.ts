import { ApiProperty } from '@nestjs/swagger';
import {
  EMAIL_STATUSES,
  TEMPLATE_AUDIENCES,
  type EmailDto,
  type EmailStatus,
  type EmailTemplateDto,
  type NotificationRuleDto,
  type NotificationSettingScope,
  type TemplateAudience,
  type TemplatePreviewDto,
} from '@keyhouse/shared-contracts';

/** The answers of the notification routes, as the OpenAPI document describes them; the contracts say what each field means. */

export class EmailAnswer implements EmailDto {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty()
  event!: string;

  @ApiProperty()
  to!: string;

  @ApiProperty()
  subject!: string;

  @ApiProperty({ enum: EMAIL_STATUSES, enumName: 'EmailStatus' })
  status!: EmailStatus;

  @ApiProperty({ type: 'integer', minimum: 0 })
  attempts!: number;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why a pending mail has not gone out, in words.' })
  notSentReason!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  nextAttemptAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: string | null;

  @ApiProperty({ required: false, description: 'Only in the single-email answer: the rendered HTML.' })
  html?: string;
}

/** A platform default (`organizationId` null) or one organization's override of it. */
class NotificationSettingAnswer implements NotificationSettingScope {
  @ApiProperty({ type: 'integer', nullable: true, description: 'Null: the platform default.' })
  organizationId!: number | null;

  @ApiProperty({ type: String, nullable: true })
  organizationName!: string | null;
}

export class EmailTemplateAnswer extends NotificationSettingAnswer implements EmailTemplateDto {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty()
  event!: string;

  @ApiProperty({ enum: TEMPLATE_AUDIENCES, enumName: 'TemplateAudience' })
  audience!: TemplateAudience;

  @ApiProperty()
  locale!: string;

  @ApiProperty()
  subject!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class TemplatePreviewAnswer implements TemplatePreviewDto {
  @ApiProperty()
  subject!: string;

  @ApiProperty()
  html!: string;
}

export class NotificationRuleAnswer extends NotificationSettingAnswer implements NotificationRuleDto {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty()
  event!: string;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty()
  notifyOwner!: boolean;

  @ApiProperty()
  notifyOrganizationAdmins!: boolean;

  @ApiProperty({ type: [String] })
  extraRecipients!: string[];

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
