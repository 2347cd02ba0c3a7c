import type { ApplicationEventType, TemplateAudience } from '@keyhouse/shared-contracts';

/** How the console names the events that send email (the API speaks in `oauth_application.*`). */
const EVENT_LABELS: Record<ApplicationEventType, string> = {
  'oauth_application.created': 'Application created',
  'oauth_application.secret_regenerated': 'Secret regenerated',
  'oauth_application.deactivated': 'Application deactivated',
  'oauth_application.deleted': 'Application deleted',
  'oauth_application.secret_added': 'Secret added (rotation)',
  'oauth_application.secret_revoked': 'Secret revoked',
  'oauth_application.secret_expiring': 'Secret expires soon',
  'oauth_application.dormant': 'Unused: deactivation warning',
};

export const EVENT_CHOICES = Object.entries(EVENT_LABELS).map(([id, name]) => ({ id, name }));

// Emails and rules carry the event as a plain string: one the console does not know yet still shows.
export const eventLabel = (event: string): string => EVENT_LABELS[event as ApplicationEventType] ?? event;

/** Whom a template is written for: the owner of a back-office or of a storefront application. */
export const AUDIENCE_LABELS: Record<TemplateAudience, string> = {
  back_office: 'Back-office owner',
  storefront: 'Storefront owner',
};
