/** What an email template may say (there is no variable for a secret). */
export const TEMPLATE_VARIABLES = [
  'applicationName',
  'clientId',
  'organizationName',
  'ownerName',
  'grants',
  'applicationUrl',
  'time',
  // Secret events only (empty in other mail): when that secret, and the secrets it replaces, stop working.
  'secretExpiresAt',
  'previousSecretsExpireAt',
  // Dormancy warnings only (empty in other mail): when the application last got a token, and when it will be deactivated.
  'lastUsedAt',
  'deactivatesAt',
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export const EMAIL_STATUSES = ['pending', 'sent', 'failed'] as const;

export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** One notification in the outbox (`/admin/api/emails`). */
export interface EmailDto {
  id: number;
  event: string;
  to: string;
  subject: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  /** Why a pending mail has not gone out, in words: no SMTP configured, or the last error. */
  notSentReason: string | null;
  createdAt: string;
  nextAttemptAt: string;
  sentAt: string | null;
  /** Only in the single-email answer: the rendered HTML, for the preview. */
  html?: string;
}

/** Whose email a template writes: Oro keeps one creation template for back-office owners and one for storefront owners. */
export const TEMPLATE_AUDIENCES = ['back_office', 'storefront'] as const;

export type TemplateAudience = (typeof TEMPLATE_AUDIENCES)[number];

/**
 * Where a rule or template applies: the platform default (`organizationId` null, edited by
 * platform operators) or one organization's override of it (edited by that organization's
 * administrators, used only for mail about its applications).
 */
export interface NotificationSettingScope {
  organizationId: number | null;
  /** The overriding organization's name; null for a platform default. */
  organizationName: string | null;
}

/**
 * The list filter that answers the settings in force for one organization: its override where it
 * has one, the platform default elsewhere (one rule per event; one template per event, audience
 * and locale). With `"platform"` (as `organizationId: "platform"`), the defaults alone.
 */
export const IN_FORCE_FILTER = 'inForceFor';
export const PLATFORM_DEFAULTS = 'platform';

export interface EmailTemplateDto extends NotificationSettingScope {
  id: number;
  event: string;
  audience: TemplateAudience;
  locale: string;
  subject: string;
  body: string;
  updatedAt: string;
}

/**
 * Body of `POST /admin/api/email-templates`: a platform template in another language
 * (`organizationId` null or absent: operators only), or an organization's own template.
 */
export interface EmailTemplateInput {
  event: string;
  audience: TemplateAudience;
  locale: string;
  organizationId?: number | null;
  subject: string;
  body: string;
}

/**
 * Body of `PUT /admin/api/email-templates/:id` and of `POST /admin/api/email-templates/preview`:
 * the text, all that can change. The console may send the rest of the record back with it; what
 * identifies the template (event, audience, locale, organization) must then be as it is.
 */
export type EmailTemplateText = Pick<EmailTemplateDto, 'subject' | 'body'>;

/** `POST /admin/api/email-templates/preview` answer: the template rendered with sample values. */
export interface TemplatePreviewDto {
  subject: string;
  html: string;
}

export interface NotificationRuleDto extends NotificationSettingScope {
  id: number;
  event: string;
  enabled: boolean;
  notifyOwner: boolean;
  notifyOrganizationAdmins: boolean;
  extraRecipients: string[];
  updatedAt: string;
}

/**
 * Who a rule tells; the body of `PUT /admin/api/notification-rules/:id`. The console may send the
 * rest of the record back with it; the event and the organization must then be as they are.
 */
export type NotificationRuleRecipients = Pick<NotificationRuleDto, 'enabled' | 'notifyOwner' | 'notifyOrganizationAdmins' | 'extraRecipients'>;

/** Body of `POST /admin/api/notification-rules`: an organization's override of the event's platform rule. */
export interface NotificationRuleInput extends NotificationRuleRecipients {
  event: string;
  organizationId: number;
}
