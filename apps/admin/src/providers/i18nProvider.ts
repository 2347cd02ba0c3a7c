import { defaultI18nProvider, type I18nProvider } from 'react-admin';

/** What a record of each resource is called, in the notice after a create or a save. */
const RECORD_NAMES: Record<string, string> = {
  users: 'User',
  roles: 'Role',
  organizations: 'Organization',
  'customer-users': 'Customer user',
  'oauth-applications': 'OAuth application',
  'email-templates': 'Email template',
  'notification-rules': 'Notification rule',
};

const DONE = { created: 'created', updated: 'saved' };

// react-admin asks for `resources.<name>.notifications.created|updated` first, its generic
// "Element created/updated" only when that key has no text.
const NOTIFICATION_KEY = /^resources\.(.+)\.notifications\.(created|updated)$/;

/** react-admin's English, but a created or saved record is named ("Organization created", "OAuth application saved"). */
export const i18nProvider: I18nProvider = {
  ...defaultI18nProvider,
  translate: (key, options) => {
    const [, resource, event] = NOTIFICATION_KEY.exec(key) ?? [];
    const name = resource && RECORD_NAMES[resource];
    return name ? `${name} ${DONE[event as keyof typeof DONE]}` : defaultI18nProvider.translate(key, options);
  },
};
