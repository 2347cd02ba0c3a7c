/**
 * How the console names what the audit trail records. The API speaks in `<target type>.<verb>`
 * and camelCase field names; anything it adds later still shows, under its raw name.
 */

const ACTION_LABELS: Record<string, string> = {
  'oauth_application.created': 'Application created',
  'oauth_application.updated': 'Application updated',
  'oauth_application.activated': 'Application activated',
  'oauth_application.deactivated': 'Application deactivated',
  'oauth_application.deleted': 'Application deleted',
  'oauth_application.unlocked': 'Application unlocked',
  'oauth_application.secret_regenerated': 'Secret regenerated',
  'oauth_application.secret_added': 'Secret added',
  'oauth_application.secret_revoked': 'Secret revoked',
  'oauth_application.dormant': 'Dormancy warning',
  'oauth_installation.installed': 'App installed',
  'oauth_installation.scopes_added': 'Installation scopes added',
  'oauth_installation.uninstalled': 'App uninstalled',
  'organization.created': 'Organization created',
  'user.created': 'User created',
  'user.updated': 'User edited',
  'customer_user.created': 'Customer user created',
  'customer_user.updated': 'Customer user edited',
  'email_template.created': 'Email template created',
  'email_template.updated': 'Email template updated',
  'notification_rule.updated': 'Notification rule updated',
  'session.signed_in': 'Signed in',
  'session.sign_in_failed': 'Sign-in failed',
  'storefront_session.signed_in': 'Storefront sign-in',
  'storefront_session.sign_in_failed': 'Storefront sign-in failed',
  'oauth_password.signed_in': 'Signed in through an application',
  'oauth_password.sign_in_failed': 'Sign-in through an application failed',
  'sso.signed_in': 'Signed in with single sign-on',
  'sso.sign_in_failed': 'Single sign-on failed',
};

export const ACTION_CHOICES = Object.entries(ACTION_LABELS).map(([id, name]) => ({ id, name }));

export const actionLabel = (action: string): string => ACTION_LABELS[action] ?? action;

/** Failed sign-ins are what an administrator reading the trail looks for first. */
export const isFailure = (action: string): boolean => action.endsWith('_failed');

const TARGET_TYPE_LABELS: Record<string, string> = {
  oauth_application: 'OAuth application',
  oauth_installation: 'Installed app',
  organization: 'Organization',
  user: 'User',
  customer_user: 'Customer user',
  email_template: 'Email template',
  notification_rule: 'Notification rule',
};

export const TARGET_TYPE_CHOICES = Object.entries(TARGET_TYPE_LABELS).map(([id, name]) => ({ id, name }));

export const targetTypeLabel = (type: string): string => TARGET_TYPE_LABELS[type] ?? type;

// The names the forms and show pages use for the same fields.
const FIELD_LABELS: Record<string, string> = {
  id: 'ID',
  name: 'Name',
  slug: 'Integration name',
  active: 'Active',
  grants: 'Grants',
  frontend: 'Storefront application',
  userId: 'User',
  ownerId: 'User',
  owner: 'User',
  organizationId: 'Organization',
  confidential: 'Confidential client',
  redirectUris: 'Redirect URIs',
  scopes: 'Scopes',
  accessTokenTtl: 'Access token lifetime (seconds)',
  firstParty: 'First-party application',
  allowPlainPkce: 'Allow plain PKCE',
  installUrl: 'Install URL',
  listed: 'Listed in the marketplace',
  allowedIpRanges: 'Allowed IP ranges',
  failedAuthentications: 'Recent wrong secrets',
  lockedUntil: 'Throttled until',
  clientId: 'Client ID',
  createdAt: 'Created at',
  updatedAt: 'Updated at',
  lastUsedAt: 'Last used at',
  createdBy: 'Created by',
  dormant: 'Dormant',
  credential: 'Client secret',
  expiresAt: 'Expires at',
  previousExpiresAt: 'Previous secrets expire at',
  event: 'Event',
  audience: 'Audience',
  locale: 'Locale',
  subject: 'Subject',
  body: 'Body',
  enabled: 'Enabled',
  notifyOwner: 'Notify the owner',
  notifyOrganizationAdmins: 'Notify organization administrators',
  extraRecipients: 'Extra recipients',
  email: 'Email',
  firstName: 'First name',
  lastName: 'Last name',
};

/** `accessTokenTtl` -> "Access token ttl": readable enough for a field the console does not know yet. */
const sentenceCase = (name: string): string => {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const fieldLabel = (name: string): string => FIELD_LABELS[name] ?? sentenceCase(name);
