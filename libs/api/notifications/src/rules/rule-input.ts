import { APPLICATION_EVENTS, type ApplicationEventType, type NotificationRuleInput, type NotificationRuleRecipients } from '@keyhouse/shared-contracts';
import { fieldsOf, unknownFieldErrors, ValidationFailedException } from '@keyhouse/api-platform';
import type { NotificationRule } from '../entities';
import { identityChangeErrors, readOrganizationId } from '../settings/setting-input';

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const RECIPIENT_FIELDS = ['enabled', 'notifyOwner', 'notifyOrganizationAdmins', 'extraRecipients'] as const;
/** What the console sends back with an edit: the rule as it was listed. */
const LISTED_FIELDS = ['id', 'event', 'organizationId', 'organizationName', 'updatedAt'] as const;

/** `POST`: an organization's override of the event's platform rule (the platform's own are installed with Keyhouse). */
export function readRuleOverride(raw: unknown): NotificationRuleInput {
  const input = fieldsOf(raw);
  const errors = unknownFieldErrors(input, [...RECIPIENT_FIELDS, 'event', 'organizationId']);
  if (!APPLICATION_EVENTS.includes(input['event'] as ApplicationEventType)) errors['event'] = `Choose one of: ${APPLICATION_EVENTS.join(', ')}.`;
  const organizationId = readOrganizationId(input['organizationId'], errors, { platformAllowed: false });
  const recipients = readRecipients(input, errors);
  if (Object.keys(errors).length) throw new ValidationFailedException(errors, 'The rule was not created.');
  return { event: input['event'] as string, organizationId: organizationId as number, ...recipients };
}

/** `PUT`: who the rule tells; the event and the organization identify it and stay. */
export function readRuleChanges(raw: unknown, current: NotificationRule): NotificationRuleRecipients {
  const input = fieldsOf(raw);
  const errors = { ...unknownFieldErrors(input, [...RECIPIENT_FIELDS, ...LISTED_FIELDS]), ...identityChangeErrors(input, { ...current }, ['event', 'organizationId']) };
  const recipients = readRecipients(input, errors);
  if (Object.keys(errors).length) throw new ValidationFailedException(errors);
  return recipients;
}

function readRecipients(input: Record<string, unknown>, errors: Record<string, string>): NotificationRuleRecipients {
  const flag = (name: string) => {
    if (typeof input[name] !== 'boolean') errors[name] = 'Must be true or false.';
    return input[name] === true;
  };
  const extra = input['extraRecipients'] ?? [];
  const recipients = Array.isArray(extra) ? extra : [];
  if (!Array.isArray(extra) || recipients.length > 50) errors['extraRecipients'] = 'Give a list of at most 50 email addresses.';
  const invalid = recipients.find((address) => typeof address !== 'string' || !EMAIL.test(address));
  if (invalid !== undefined) errors['extraRecipients'] = `"${String(invalid)}" is not an email address.`;
  return { enabled: flag('enabled'), notifyOwner: flag('notifyOwner'), notifyOrganizationAdmins: flag('notifyOrganizationAdmins'), extraRecipients: recipients as string[] };
}
