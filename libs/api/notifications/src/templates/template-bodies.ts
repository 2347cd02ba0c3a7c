import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { TEMPLATE_AUDIENCES, type EmailTemplateInput, type EmailTemplateText, type TemplateAudience } from '@keyhouse/shared-contracts';
import { FieldRule, IsId, IsLocale, IsNonBlankText, MAX_TEXT_LENGTH, RequestBody } from '@keyhouse/api-platform';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { ID, IdentifiesSetting, IsNotificationEvent, ListedSetting } from '../settings/setting-fields';
import { templateProblems } from './template-renderer';

export const NOT_SAVED = 'The template cannot be saved.';
const NO_TEXT = 'Enter the email text.';
const AUDIENCE = { enum: TEMPLATE_AUDIENCES, enumName: 'TemplateAudience' };

/** A template that would fail or name an unknown variable is refused at its field when saved, never at send time. */
const IsTemplate = (): PropertyDecorator =>
  FieldRule('isTemplate', (value) => (typeof value === 'string' ? templateProblems(value).join(' ') || undefined : undefined));

/**
 * `PUT /:id` and the preview: the text, maybe with the rest of the template as listed. Checked
 * with the service's rules (the fields that identify the template), so that one answer names
 * every problem; the preview, with no template to compare, answers the field problems alone.
 */
@RequestBody(NOT_SAVED, { refused: NOT_SAVED, withServiceRules: true })
export class EmailTemplateTextBody extends ListedSetting implements EmailTemplateText {
  @ApiProperty({ maxLength: MAX_TEXT_LENGTH, example: 'OAuth application added: {{ applicationName }}', description: 'Plain text with {{ variable }} placeholders; stored trimmed.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsTemplate()
  @IsNonBlankText('Enter a subject.')
  subject!: string;

  @ApiProperty({ example: '<p>{{ ownerName }}, {{ applicationName }} was added.</p>', description: 'HTML with {{ variable }} placeholders, whose values are escaped.' })
  @IsTemplate()
  @Matches(/\S/, { message: NO_TEXT })
  @IsString({ message: NO_TEXT })
  body!: string;

  @IdentifiesSetting(AUDIENCE, (value) => (TEMPLATE_AUDIENCES as readonly unknown[]).includes(value))
  audience?: unknown;

  @IdentifiesSetting({ type: String }, (value) => typeof value === 'string')
  locale?: unknown;
}

/**
 * `POST`: what a new template is for (a known event and audience, a language tag such as `de` or
 * `pt-BR`, the platform or one organization) and its text.
 */
@RequestBody(NOT_SAVED, { refused: NOT_SAVED })
export class EmailTemplateInputBody extends PickType(EmailTemplateTextBody, ['subject', 'body']) implements EmailTemplateInput {
  @IsNotificationEvent()
  event!: string;

  @ApiProperty(AUDIENCE)
  @IsIn(TEMPLATE_AUDIENCES, { message: 'Choose back_office or storefront.' })
  audience!: TemplateAudience;

  @ApiProperty({ example: 'de', description: 'The language of the recipients who read it.' })
  @IsLocale({ message: 'Use a language tag such as de or pt-BR.' })
  locale!: string;

  @ApiPropertyOptional({ ...ID, nullable: true, example: null, description: 'The organization whose mail it writes; null or left out: a platform template (operators only).' })
  @IsOptional()
  @IsId('Must be an organization id, or null for the platform.')
  organizationId?: number | null;
}
