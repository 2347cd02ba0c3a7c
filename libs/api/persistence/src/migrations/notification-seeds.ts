/**
 * The templates and rules the notifications migration starts with. A migration is history:
 * changes made later in the console are the administrators', and a new default is a new migration.
 */
const created = (side: string) =>
  `<p>Hello {{ ownerName }},</p>
<p>The OAuth application <strong>{{ applicationName }}</strong> was added to your ${side} account in {{ organizationName }}.</p>
<p>Client ID: <code>{{ clientId }}</code><br>Grant types: {{ grants }}<br>Added: {{ time }}</p>
<p>The client secret is not in this email: it was shown once, to the administrator who created the application.</p>
<p><a href="{{ applicationUrl }}">View the application</a></p>`;

const CHANGES = {
  'oauth_application.secret_regenerated': ['The client secret of {{ applicationName }} was regenerated', 'was given a new client secret; the previous one no longer works'],
  'oauth_application.deactivated': ['OAuth application {{ applicationName }} was deactivated', 'was deactivated: it gets no tokens and its tokens are refused'],
  'oauth_application.deleted': ['OAuth application {{ applicationName }} was deleted', 'was deleted, with every token issued to it'],
} as const;

const changed = (what: string) =>
  `<p>Hello {{ ownerName }},</p>
<p>The OAuth application <strong>{{ applicationName }}</strong> (client ID <code>{{ clientId }}</code>) in {{ organizationName }} ${what}.</p>
<p>When: {{ time }}</p>`;

export const INITIAL_TEMPLATES: Array<{ event: string; audience: string; locale: string; subject: string; body: string }> = [
  { event: 'oauth_application.created', audience: 'back_office', locale: 'en', subject: 'OAuth application added to your account', body: created('back-office') },
  { event: 'oauth_application.created', audience: 'storefront', locale: 'en', subject: 'OAuth application added to your account', body: created('storefront') },
  ...Object.entries(CHANGES).flatMap(([event, [subject, what]]) =>
    ['back_office', 'storefront'].map((audience) => ({ event, audience, locale: 'en', subject, body: changed(what) })),
  ),
];

export const INITIAL_RULES = ['oauth_application.created', ...Object.keys(CHANGES)];
