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

export type EmailStatus = 'pending' | 'sent' | 'failed';

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

export type TemplateAudience = 'back_office' | 'storefront';

export interface EmailTemplateDto {
  id: number;
  event: string;
  audience: TemplateAudience;
  locale: string;
  subject: string;
  body: string;
  updatedAt: string;
}

/** `POST /admin/api/email-templates/preview` answer: the template rendered with sample values. */
export interface TemplatePreviewDto {
  subject: string;
  html: string;
}

export interface NotificationRuleDto {
  id: number;
  event: string;
  enabled: boolean;
  notifyOwner: boolean;
  notifyOrganizationAdmins: boolean;
  extraRecipients: string[];
  updatedAt: string;
}
