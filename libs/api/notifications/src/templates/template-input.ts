import { APPLICATION_EVENTS, type ApplicationEventType, type EmailTemplateInput } from '@keyhouse/shared-contracts';
import { fieldsOf, unknownFieldErrors, ValidationFailedException } from '@keyhouse/api-platform';
import type { EmailTemplate, TemplateAudience } from '../entities';
import { identityChangeErrors, readOrganizationId } from '../settings/setting-input';
import { templateProblems } from './template-renderer';

const LOCALE = /^[a-z]{2}(-[A-Z]{2})?$/;
const IDENTITY_FIELDS = ['event', 'audience', 'locale', 'organizationId'] as const;
/** What the console sends back with an edit: the template as it was listed. */
const LISTED_FIELDS = ['id', ...IDENTITY_FIELDS, 'organizationName', 'updatedAt'] as const;

export type TemplateText = Pick<EmailTemplate, 'subject' | 'body'>;

/**
 * `POST`: what a new template is for (a known event and audience, a language tag such as `de` or
 * `pt-BR`, the platform or one organization) and its text.
 */
export function readNewTemplate(raw: unknown): Required<EmailTemplateInput> {
  const input = fieldsOf(raw);
  const errors = unknownFieldErrors(input, [...IDENTITY_FIELDS, 'subject', 'body']);
  if (!APPLICATION_EVENTS.includes(input['event'] as ApplicationEventType)) errors['event'] = `Choose one of: ${APPLICATION_EVENTS.join(', ')}.`;
  if (input['audience'] !== 'back_office' && input['audience'] !== 'storefront') errors['audience'] = 'Choose back_office or storefront.';
  if (typeof input['locale'] !== 'string' || !LOCALE.test(input['locale'])) errors['locale'] = 'Use a language tag such as de or pt-BR.';
  const organizationId = readOrganizationId(input['organizationId'], errors, { platformAllowed: true });
  const text = readText(input, errors);
  if (Object.keys(errors).length) throw new ValidationFailedException(errors, 'The template cannot be saved.');
  return { event: input['event'] as string, audience: input['audience'] as TemplateAudience, locale: input['locale'] as string, organizationId, ...text };
}

/** `PUT`: subject and body are all that can change; event, audience, locale and organization identify the template. */
export function readTemplateChanges(raw: unknown, current: EmailTemplate): TemplateText {
  const input = fieldsOf(raw);
  const errors = { ...unknownFieldErrors(input, ['subject', 'body', ...LISTED_FIELDS]), ...identityChangeErrors(input, { ...current }, IDENTITY_FIELDS) };
  const text = readText(input, errors);
  if (Object.keys(errors).length) throw new ValidationFailedException(errors, 'The template cannot be saved.');
  return text;
}

/** Unsaved text to preview, refused the way a save would refuse it. */
export function readPreviewText(raw: unknown): TemplateText {
  const input = fieldsOf(raw);
  const errors = unknownFieldErrors(input, ['subject', 'body', ...LISTED_FIELDS]);
  const text = readText(input, errors);
  if (Object.keys(errors).length) throw new ValidationFailedException(errors, 'The template cannot be saved.');
  return text;
}

/** A template that would fail or name an unknown variable is refused here, with the problem at its field, never at send time. */
function readText(input: Record<string, unknown>, errors: Record<string, string>): TemplateText {
  const subject = typeof input['subject'] === 'string' ? input['subject'].trim() : '';
  const body = typeof input['body'] === 'string' ? input['body'] : '';
  const subjectProblems = templateProblems(subject);
  const bodyProblems = templateProblems(body);
  if (!subject) errors['subject'] = 'Enter a subject.';
  else if (subject.length > 255) errors['subject'] = 'Use at most 255 characters.';
  else if (subjectProblems.length) errors['subject'] = subjectProblems.join(' ');
  if (!body.trim()) errors['body'] = 'Enter the email text.';
  else if (bodyProblems.length) errors['body'] = bodyProblems.join(' ');
  return { subject, body };
}
