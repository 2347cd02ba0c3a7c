import { defaultI18nProvider, type I18nProvider } from 'react-admin';

/** What a record of each resource is called, in the notice after a create or a save. */
const RECORD_NAMES = {
  users: 'User',
  roles: 'Role',
  organizations: 'Organization',
  'customer-users': 'Customer user',
  'oauth-applications': 'OAuth application',
  'email-templates': 'Email template',
  'notification-rules': 'Notification rule',
};

type NamedResource = keyof typeof RECORD_NAMES;

const DONE = { created: 'created', updated: 'saved' };

/**
 * The notice after a record was created or saved: react-admin's own, and the one a page that
 * handles its save itself (to redirect elsewhere) shows.
 */
export const recordNotice = (resource: NamedResource, event: keyof typeof DONE): string => `${RECORD_NAMES[resource]} ${DONE[event]}`;

const isNamed = (resource: string): resource is NamedResource => Object.hasOwn(RECORD_NAMES, resource);

// react-admin asks for `resources.<name>.notifications.created|updated` first, its generic
// "Element created/updated" only when that key has no text.
const NOTIFICATION_KEY = /^resources\.(.+)\.notifications\.(created|updated)$/;

/** react-admin's English, but a created or saved record is named ("Organization created", "OAuth application saved"). */
export const i18nProvider: I18nProvider = {
  ...defaultI18nProvider,
  translate: (key, options) => {
    const [, resource, event] = NOTIFICATION_KEY.exec(key) ?? [];
    return resource && isNamed(resource) ? recordNotice(resource, event as keyof typeof DONE) : defaultI18nProvider.translate(key, options);
  },
};
