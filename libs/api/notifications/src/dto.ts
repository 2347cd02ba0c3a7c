import type { EmailDto, EmailTemplateDto, NotificationRuleDto } from '@keyhouse/shared-contracts';
import type { EmailTemplate, NotificationRule, OutboxEmail } from './entities';

export function toEmailDto(email: OutboxEmail, smtpConfigured: boolean, withHtml = false): EmailDto {
  const waiting = email.status === 'pending' ? (smtpConfigured ? email.lastError : 'Not sent: SMTP is not configured (SMTP_URL).') : null;
  return {
    id: email.id,
    event: email.event,
    to: email.recipient,
    subject: email.subject,
    status: email.status,
    attempts: email.attempts,
    lastError: email.lastError,
    notSentReason: email.status === 'failed' ? email.lastError : waiting,
    createdAt: email.createdAt.toISOString(),
    nextAttemptAt: email.nextAttemptAt.toISOString(),
    sentAt: email.sentAt?.toISOString() ?? null,
    ...(withHtml ? { html: email.html } : {}),
  };
}

/** Loaded with its organization (see withOrganization), whose name tells an override apart in the console. */
export function toTemplateDto(template: EmailTemplate): EmailTemplateDto {
  const { id, event, audience, locale, organizationId, subject, body } = template;
  return { id, event, audience, locale, organizationId, organizationName: template.organization?.name ?? null, subject, body, updatedAt: template.updatedAt.toISOString() };
}

/** Loaded with its organization (see withOrganization), whose name tells an override apart in the console. */
export function toRuleDto(rule: NotificationRule): NotificationRuleDto {
  const { id, event, organizationId, enabled, notifyOwner, notifyOrganizationAdmins, extraRecipients } = rule;
  return {
    id,
    event,
    organizationId,
    organizationName: rule.organization?.name ?? null,
    enabled,
    notifyOwner,
    notifyOrganizationAdmins,
    extraRecipients,
    updatedAt: rule.updatedAt.toISOString(),
  };
}
