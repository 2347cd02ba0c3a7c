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

/** Added with secret rotation (migration 1763930000000): deadlines and a link, never a secret. */
const footer = '<p><a href="{{ applicationUrl }}">View the application</a></p>';

const SECRET_TEMPLATES = {
  'oauth_application.secret_added': [
    'A new client secret was added to {{ applicationName }}',
    `<p>Hello {{ ownerName }},</p>
<p>A new client secret was added to the OAuth application <strong>{{ applicationName }}</strong> (client ID <code>{{ clientId }}</code>) in {{ organizationName }} at {{ time }}. It expires: {{ secretExpiresAt }}.</p>
<p>The secrets it replaces keep working until {{ previousSecretsExpireAt }}: give the new secret to every client before then. The application's page shows when each secret was last used.</p>
<p>The new secret is not in this email: it was shown once, to the administrator who added it.</p>
${footer}`,
  ],
  'oauth_application.secret_expiring': [
    'A client secret of {{ applicationName }} expires soon',
    `<p>Hello {{ ownerName }},</p>
<p>A client secret of the OAuth application <strong>{{ applicationName }}</strong> (client ID <code>{{ clientId }}</code>) in {{ organizationName }} stops working at {{ secretExpiresAt }}.</p>
<p>The application's page shows whether it is still in use ("last used"): move its clients to a newer secret before then.</p>
${footer}`,
  ],
  'oauth_application.secret_revoked': [
    'A client secret of {{ applicationName }} was revoked',
    `${changed('had a client secret revoked: clients still using it get no more tokens')}
${footer}`,
  ],
} as const;

export const SECRET_ROTATION_TEMPLATES: typeof INITIAL_TEMPLATES = Object.entries(SECRET_TEMPLATES).flatMap(([event, [subject, body]]) =>
  ['back_office', 'storefront'].map((audience) => ({ event, audience, locale: 'en', subject, body })),
);

export const SECRET_ROTATION_RULES = Object.keys(SECRET_TEMPLATES);

/** Added with application usage (migration 1763950000000): the dormancy policy's warning to the owner. */
const DORMANT_SUBJECT = 'OAuth application {{ applicationName }} is unused and will be deactivated';

const DORMANT_BODY = `<p>Hello {{ ownerName }},</p>
<p>The OAuth application <strong>{{ applicationName }}</strong> (client ID <code>{{ clientId }}</code>) in {{ organizationName }} has not been given a token for a long time. Last used: {{ lastUsedAt }}.</p>
<p>Unused applications are deactivated: unless it gets a token before {{ deactivatesAt }}, it will be deactivated then, and its clients will get no more tokens. Using it again is all it takes to keep it; if it is no longer needed, there is nothing to do.</p>
${footer}`;

export const DORMANCY_TEMPLATES: typeof INITIAL_TEMPLATES = ['back_office', 'storefront'].map((audience) => ({
  event: 'oauth_application.dormant',
  audience,
  locale: 'en',
  subject: DORMANT_SUBJECT,
  body: DORMANT_BODY,
}));

export const DORMANCY_RULES = ['oauth_application.dormant'];
