import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import type { NotificationRuleInput, NotificationRuleRecipients } from '@keyhouse/shared-contracts';
import { FieldRule, isEmailAddress, IsFlag, IsId, RequestBody } from '@keyhouse/api-platform';
import { Transform } from 'class-transformer';
import { ID, IsNotificationEvent, ListedSetting } from '../settings/setting-fields';

export const NOT_CREATED = 'The rule was not created.';
const MAX_EXTRA_RECIPIENTS = 50;
const NOT_A_LIST = `Give a list of at most ${MAX_EXTRA_RECIPIENTS} email addresses.`;

/** The first entry that is not an address is named, before the list is found too long. */
function extraRecipientsProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return NOT_A_LIST;
  const invalid = value.find((address) => !isEmailAddress(address));
  if (invalid !== undefined) return `"${String(invalid)}" is not an email address.`;
  return value.length > MAX_EXTRA_RECIPIENTS ? NOT_A_LIST : undefined;
}

/**
 * `PUT /:id`: who the rule tells, maybe with the rest of the rule as listed. Checked with the
 * service's rules (the fields that identify the rule), so that one answer names every problem.
 */
@RequestBody('Some fields are not valid.', { withServiceRules: true })
export class NotificationRuleRecipientsBody extends ListedSetting implements NotificationRuleRecipients {
  @ApiProperty({ description: 'Off: the event sends no mail.' })
  @IsFlag()
  enabled!: boolean;

  @ApiProperty({ description: 'Mail the user (or customer user) the application acts as.' })
  @IsFlag()
  notifyOwner!: boolean;

  @ApiProperty({ description: "Mail every administrator of the application's organization." })
  @IsFlag()
  notifyOrganizationAdmins!: boolean;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_EXTRA_RECIPIENTS,
    nullable: true,
    example: ['security@example.com'],
    description: 'More email addresses to mail; null or left out: none.',
  })
  // Addresses are stored as they are compared: without the spaces around them.
  @Transform(({ value }: { value: unknown }) => (value === null ? [] : Array.isArray(value) ? value.map((address: unknown) => (typeof address === 'string' ? address.trim() : address)) : value))
  @FieldRule('isRecipientList', extraRecipientsProblem)
  extraRecipients: string[] = [];
}

/** `POST`: an organization's override of the event's platform rule (the platform's own are installed with Keyhouse). */
@RequestBody(NOT_CREATED, { refused: NOT_CREATED })
export class NotificationRuleInputBody
  extends PickType(NotificationRuleRecipientsBody, ['enabled', 'notifyOwner', 'notifyOrganizationAdmins', 'extraRecipients'])
  implements NotificationRuleInput
{
  @IsNotificationEvent()
  event!: string;

  @ApiProperty({ ...ID, example: 2, description: 'The organization whose mail the rule decides.' })
  @IsId('Choose the organization this applies to.')
  organizationId!: number;
}
