import type { CreatedOAuthApplicationDto, EmailDto, EmailTemplateDto, NotificationRuleDto, RoleDto } from '@keyhouse/shared-contracts';
import type { DataSource } from 'typeorm';
import { createCustomerUser, createOrganization, createUser } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { TEST_DIALECT } from './support/databases';
import { token } from './support/oauth';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Every route of the back-office API, tried by an administrator of one organization against the
 * objects of another: each attempt is refused and changes nothing, and no answer carries the other
 * organization's data. The routes come from the API's own OpenAPI document, so a new route
 * without a rule here fails this suite until someone decides what it may do across tenants.
 */

/** Everything of the victim's organization carries this word, so a leak is a substring. */
const MARK = 'victim';

interface Victim {
  organizationId: number;
  adminId: number;
  customerId: number;
  applicationId: number;
  codeApplicationSlug: string;
  secretId: number;
  installationId: number;
  roleId: number;
  emailId: number;
  auditEventId: number;
  /** The victim organization's own notification settings, and a platform default of each. */
  templateId: number;
  ruleId: number;
  platformTemplateId: number;
  platformRuleId: number;
}

interface Attempt {
  path: string;
  body?: unknown;
  /** A refusal at this field (400) counts as refused: the form says why, and nothing happened. */
  field?: string;
}

type Rule =
  /** Refused (403 or 404, or 400 at the named field) and nothing changes. */
  | { refused: (victim: Victim) => Attempt[] }
  /** Answered (a list, or what is the caller's own), but nothing of the victim's is in it and nothing of theirs changes. */
  | { answered: (victim: Victim) => Attempt[]; why: string };

const q = (filter: Record<string, unknown>) => `?filter=${encodeURIComponent(JSON.stringify(filter))}`;
const list = (path: string) => (victim: Victim) => [{ path }, { path: `${path}${q({ organizationId: victim.organizationId })}` }];
const own = 'concerns the caller only';

const RULES: Record<string, Rule> = {
  'GET /admin/api/me': { answered: () => [{ path: '/admin/api/me' }], why: own },
  'GET /admin/api/session': { answered: () => [{ path: '/admin/api/session' }], why: own },
  // Both run on a session of their own: the caller's must keep its CSRF token for the other routes.
  'POST /admin/api/session': { answered: () => [{ path: '/admin/api/session', body: { username: 'attacker', password: 'attacker-password' } }], why: 'signs the caller in' },
  'DELETE /admin/api/session': { answered: () => [{ path: '/admin/api/session' }], why: 'signs the caller out' },
  'GET /admin/api/session/providers': { answered: () => [{ path: '/admin/api/session/providers' }], why: 'the sign-in page\'s ways in, the same for everyone' },
  // Single sign-on is not configured here (404); configured, it signs a browser in: single-sign-on.int-spec.ts.
  'GET /admin/api/session/sso': { answered: () => [{ path: '/admin/api/session/sso' }], why: 'a redirect to the provider' },
  'GET /admin/api/session/sso/callback': { answered: () => [{ path: '/admin/api/session/sso/callback?code=x&state=y' }], why: 'the provider\'s way back' },
  'GET /admin/api/system/oauth': { answered: () => [{ path: '/admin/api/system/oauth' }], why: 'the server\'s key state' },
  'GET /admin/api/system/dormancy': { answered: () => [{ path: '/admin/api/system/dormancy' }], why: 'the server\'s policy' },

  'GET /admin/api/organizations': { answered: list('/admin/api/organizations'), why: 'lists' },
  'GET /admin/api/organizations/{id}': { refused: (v) => [{ path: `/admin/api/organizations/${v.organizationId}` }] },
  'POST /admin/api/organizations': { refused: () => [{ path: '/admin/api/organizations', body: { name: 'Made by a tenant' } }] },

  'GET /admin/api/users': { answered: list('/admin/api/users'), why: 'lists' },
  'GET /admin/api/users/{id}': { refused: (v) => [{ path: `/admin/api/users/${v.adminId}` }] },
  'POST /admin/api/users': {
    refused: (v) => [
      { path: '/admin/api/users', body: newUser({ organizationIds: [v.organizationId], roles: ['ROLE_ADMINISTRATOR'] }), field: 'organizationIds' },
      { path: '/admin/api/users', body: newUser({ memberships: [{ organizationId: v.organizationId, roles: ['ROLE_USER'] }] }), field: 'memberships' },
      { path: '/admin/api/users', body: newUser({ platformOperator: true, organizationIds: [], roles: [] }), field: 'platformOperator' },
    ],
  },
  'PUT /admin/api/users/{id}': {
    refused: (v) => [
      { path: `/admin/api/users/${v.adminId}`, body: { enabled: false } },
      { path: `/admin/api/users/${v.adminId}`, body: { email: 'taken.over@attacker.test' } },
    ],
  },

  'GET /admin/api/customer-users': { answered: list('/admin/api/customer-users'), why: 'lists' },
  'GET /admin/api/customer-users/{id}': { refused: (v) => [{ path: `/admin/api/customer-users/${v.customerId}` }] },
  'POST /admin/api/customer-users': {
    refused: (v) => [{ path: '/admin/api/customer-users', body: { organizationId: v.organizationId, email: 'planted@attacker.test', password: 'a-long-customer-password' }, field: 'organizationId' }],
  },
  'PUT /admin/api/customer-users/{id}': { refused: (v) => [{ path: `/admin/api/customer-users/${v.customerId}`, body: { enabled: false } }] },

  'GET /admin/api/roles': { answered: list('/admin/api/roles'), why: 'lists' },
  'GET /admin/api/roles/{id}': { refused: (v) => [{ path: `/admin/api/roles/${v.roleId}` }] },
  'POST /admin/api/roles': { refused: (v) => [{ path: '/admin/api/roles', body: { label: 'Planted', permissions: ['users.view'], organizationId: v.organizationId } }] },
  'PUT /admin/api/roles/{id}': { refused: (v) => [{ path: `/admin/api/roles/${v.roleId}`, body: { permissions: [] } }] },

  'GET /admin/api/oauth-applications': { answered: list('/admin/api/oauth-applications'), why: 'lists' },
  'GET /admin/api/oauth-applications/{id}': { refused: (v) => [{ path: `/admin/api/oauth-applications/${v.applicationId}` }] },
  'POST /admin/api/oauth-applications': {
    refused: (v) => [
      { path: '/admin/api/oauth-applications', body: { organizationId: v.organizationId, name: 'Planted', grants: ['password'] }, field: 'organizationId' },
      // In the caller's own organization, but acting as the victim's administrator.
      { path: '/admin/api/oauth-applications', body: { name: 'Acting as them', grants: ['client_credentials'], userId: v.adminId }, field: 'userId' },
    ],
  },
  'PUT /admin/api/oauth-applications/{id}': { refused: (v) => [{ path: `/admin/api/oauth-applications/${v.applicationId}`, body: { name: 'Taken over' } }] },
  'DELETE /admin/api/oauth-applications/{id}': { refused: (v) => [{ path: `/admin/api/oauth-applications/${v.applicationId}` }] },
  'POST /admin/api/oauth-applications/{id}/activate': { refused: (v) => [{ path: `/admin/api/oauth-applications/${v.applicationId}/activate` }] },
  'POST /admin/api/oauth-applications/{id}/deactivate': { refused: (v) => [{ path: `/admin/api/oauth-applications/${v.applicationId}/deactivate` }] },
  'POST /admin/api/oauth-applications/{id}/unlock': { refused: (v) => [{ path: `/admin/api/oauth-applications/${v.applicationId}/unlock` }] },
  'POST /admin/api/oauth-applications/{id}/secret': { refused: (v) => [{ path: `/admin/api/oauth-applications/${v.applicationId}/secret` }] },
  'GET /admin/api/oauth-applications/{id}/secrets': { refused: (v) => [{ path: `/admin/api/oauth-applications/${v.applicationId}/secrets` }] },
  'POST /admin/api/oauth-applications/{id}/secrets': { refused: (v) => [{ path: `/admin/api/oauth-applications/${v.applicationId}/secrets`, body: {} }] },
  'DELETE /admin/api/oauth-applications/{id}/secrets/{secretId}': {
    refused: (v) => [{ path: `/admin/api/oauth-applications/${v.applicationId}/secrets/${v.secretId}` }],
  },
  'GET /admin/api/oauth-applications/{id}/usage': { refused: (v) => [{ path: `/admin/api/oauth-applications/${v.applicationId}/usage` }] },
  // Figures only: that they count the caller's organizations alone is application-summary.int-spec.ts's to prove.
  'GET /admin/api/oauth-applications/summary': { answered: () => [{ path: '/admin/api/oauth-applications/summary' }], why: 'counts what the caller\'s own list holds' },

  'GET /admin/api/oauth-installations': { answered: list('/admin/api/oauth-installations'), why: 'lists' },
  'GET /admin/api/oauth-installations/{id}': { refused: (v) => [{ path: `/admin/api/oauth-installations/${v.installationId}` }] },
  'DELETE /admin/api/oauth-installations/{id}': { refused: (v) => [{ path: `/admin/api/oauth-installations/${v.installationId}` }] },
  // Unlisted applications of other organizations are not offered; installing one into the victim's organization is refused.
  'GET /admin/api/marketplace-apps': { answered: () => [{ path: '/admin/api/marketplace-apps' }], why: 'lists' },
  'POST /admin/api/apps/installed': {
    refused: (v) => [{ path: '/admin/api/apps/installed', body: { integrationName: v.codeApplicationSlug, organizationId: v.organizationId }, field: 'organizationId' }],
  },

  'GET /admin/api/audit-events': { answered: list('/admin/api/audit-events'), why: 'lists' },
  'GET /admin/api/audit-events/{id}': { refused: (v) => [{ path: `/admin/api/audit-events/${v.auditEventId}` }] },

  'GET /admin/api/emails': { answered: list('/admin/api/emails'), why: 'lists' },
  'GET /admin/api/emails/{id}': { refused: (v) => [{ path: `/admin/api/emails/${v.emailId}` }] },
  'POST /admin/api/emails/{id}/resend': { refused: (v) => [{ path: `/admin/api/emails/${v.emailId}/resend` }] },

  'GET /admin/api/email-templates': { answered: (v) => [...list('/admin/api/email-templates')(v), { path: `/admin/api/email-templates${q({ inForceFor: v.organizationId })}` }], why: 'lists' },
  'GET /admin/api/email-templates/{id}': { refused: (v) => [{ path: `/admin/api/email-templates/${v.templateId}` }] },
  'POST /admin/api/email-templates': {
    refused: (v) => [
      { path: '/admin/api/email-templates', body: { event: 'oauth_application.created', audience: 'back_office', locale: 'de', subject: 'Planted', body: '<p>Planted</p>', organizationId: v.organizationId } },
      // A platform template in a new language: the platform's, an operator's to add.
      { path: '/admin/api/email-templates', body: { event: 'oauth_application.created', audience: 'back_office', locale: 'de', subject: 'Planted', body: '<p>Planted</p>' } },
    ],
  },
  'PUT /admin/api/email-templates/{id}': {
    refused: (v) => [v.templateId, v.platformTemplateId].map((id) => ({ path: `/admin/api/email-templates/${id}`, body: { subject: 'Planted', body: '<p>Planted</p>' } })),
  },
  'DELETE /admin/api/email-templates/{id}': { refused: (v) => [v.templateId, v.platformTemplateId].map((id) => ({ path: `/admin/api/email-templates/${id}` })) },
  'POST /admin/api/email-templates/preview': {
    answered: () => [{ path: '/admin/api/email-templates/preview', body: { subject: 'Hello {{ applicationName }}', body: '<p>{{ clientId }}</p>' } }],
    why: 'renders the text it is given with sample values',
  },

  'GET /admin/api/notification-rules': { answered: (v) => [...list('/admin/api/notification-rules')(v), { path: `/admin/api/notification-rules${q({ inForceFor: v.organizationId })}` }], why: 'lists' },
  'GET /admin/api/notification-rules/{id}': { refused: (v) => [{ path: `/admin/api/notification-rules/${v.ruleId}` }] },
  'POST /admin/api/notification-rules': {
    refused: (v) => [{ path: '/admin/api/notification-rules', body: { event: 'oauth_application.deleted', organizationId: v.organizationId, ...SPY_RULE } }],
  },
  'PUT /admin/api/notification-rules/{id}': {
    refused: (v) => [v.ruleId, v.platformRuleId].map((id) => ({ path: `/admin/api/notification-rules/${id}`, body: SPY_RULE })),
  },
  'DELETE /admin/api/notification-rules/{id}': { refused: (v) => [v.ruleId, v.platformRuleId].map((id) => ({ path: `/admin/api/notification-rules/${id}` })) },
};

const SPY_RULE = { enabled: true, notifyOwner: true, notifyOrganizationAdmins: false, extraRecipients: ['spy@attacker.test'] };

function newUser(extra: Record<string, unknown>) {
  return { username: 'planted', email: 'planted.user@attacker.test', password: 'a-long-enough-password', ...extra };
}

/**
 * Every row of every table but the caller's own traces (sessions, sign-in counts, the "last used"
 * times its own token writes in the background), in a stable order; without the audit trail for
 * answered requests, which may record the caller's own sign-in.
 */
async function snapshot(dataSource: DataSource, withAudit: boolean): Promise<string> {
  const ignored = new Set(['admin_sessions', 'customer_sessions', 'sign_in_failures', 'oauth_application_usage', 'oauth_client_auth_throttles', ...(withAudit ? [] : ['audit_events', 'audit_event_organizations'])]);
  const tables = [...new Set(dataSource.entityMetadatas.map((metadata) => metadata.tableName))].filter((table) => !ignored.has(table)).sort();
  const rows = await Promise.all(tables.map(async (table) => [table, JSON.stringify(await dataSource.query(`SELECT * FROM ${dataSource.driver.escape(table)}`))]));
  const withoutLastUse = (row: Record<string, unknown>) => JSON.stringify({ ...row, lastUsedAt: undefined });
  return rows.map(([table, dump]) => `${table}: ${(JSON.parse(dump) as Array<Record<string, unknown>>).map(withoutLastUse).sort().join('\n')}`).join('\n\n');
}

describe(`every back-office route, as another organization's administrator, on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  let victim: Victim;
  let routes: string[];

  beforeAll(async () => {
    t = await startTestApp();
    const operator = await t.signedIn();
    const home = await createOrganization(t.dataSource, 'Attacker Org');
    const theirs = await createOrganization(t.dataSource, 'Victim Org');
    await createUser(t.dataSource, { username: 'attacker', password: 'attacker-password', organizations: [home] });
    const admin = await createUser(t.dataSource, { username: 'victim.admin', password: 'victim-admin-password', firstName: 'Victim', organizations: [theirs] });
    const customer = await createCustomerUser(t.dataSource, { email: 'victim.buyer@example.com', organization: theirs, firstName: 'Victim' });

    // The victim's organization fills itself through the API, as its administrator would.
    const them = await t.signedIn('victim.admin', 'victim-admin-password');
    const app = await them.post<CreatedOAuthApplicationDto>('/admin/api/oauth-applications', { name: 'Victim App', grants: ['client_credentials'], userId: admin.id });
    const codeApp = await them.post<CreatedOAuthApplicationDto>('/admin/api/oauth-applications', {
      name: 'Victim Code App',
      grants: ['authorization_code'],
      redirectUris: ['https://victim.example.com/callback'],
    });
    expect([app.status, codeApp.status]).toEqual([201, 201]);
    const installed = await them.post<{ redirectUrl: string }>('/admin/api/apps/installed', { integrationName: codeApp.body.slug });
    expect(installed.status).toBe(201);
    const role = await them.post<RoleDto>('/admin/api/roles', { label: 'Victim Role', permissions: ['users.view'], organizationId: theirs.id });
    expect(role.status).toBe(201);
    const [secret] = (await them.get<Array<{ id: number }>>(`/admin/api/oauth-applications/${app.body.id}/secrets`)).body;
    const [email] = (await operator.get<EmailDto[]>(`/admin/api/emails${q({})}`)).body.filter((mail) => mail.to.includes(MARK));
    const installation = (await them.get<Array<{ id: number }>>('/admin/api/oauth-installations')).body[0];
    const [auditEvent] = (await t.dataSource.query('SELECT eventId AS id FROM audit_event_organizations WHERE organizationId = ? ORDER BY eventId', [theirs.id])) as Array<{ id: number }>;
    const rule = await them.post<NotificationRuleDto>('/admin/api/notification-rules', {
      event: 'oauth_application.created',
      organizationId: theirs.id,
      enabled: true,
      notifyOwner: true,
      notifyOrganizationAdmins: true,
      extraRecipients: ['victim.ops@example.com'],
    });
    const template = await them.post<EmailTemplateDto>('/admin/api/email-templates', {
      event: 'oauth_application.created',
      audience: 'back_office',
      locale: 'en',
      organizationId: theirs.id,
      subject: 'Victim Org: a new application',
      body: '<p>Victim Org text</p>',
    });
    expect([rule.status, template.status]).toEqual([201, 201]);
    const platform = `${q({ organizationId: 'platform' })}`;
    const [platformTemplate] = (await operator.get<EmailTemplateDto[]>(`/admin/api/email-templates${platform}`)).body;
    const [platformRule] = (await operator.get<NotificationRuleDto[]>(`/admin/api/notification-rules${platform}`)).body;
    victim = {
      organizationId: theirs.id,
      adminId: admin.id,
      customerId: customer.id,
      applicationId: app.body.id,
      codeApplicationSlug: codeApp.body.slug,
      secretId: secret.id,
      installationId: installation.id,
      roleId: role.body.id,
      emailId: email.id,
      auditEventId: auditEvent.id,
      templateId: template.body.id,
      ruleId: rule.body.id,
      platformTemplateId: platformTemplate.id,
      platformRuleId: platformRule.id,
    };

    const document = await (await fetch(`${t.baseUrl}/admin/api/docs/openapi.json`)).json() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
  });
  afterAll(() => t.close());

  it('has a rule for every route of the API document, and no rule for a route that is gone', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((route) => !Object.hasOwn(RULES, route))).toEqual([]);
    expect(Object.keys(RULES).filter((route) => !routes.includes(route))).toEqual([]);
  });

  const callers: Array<[string, () => Promise<(method: string, attempt: Attempt) => Promise<{ status: number; text: string; body: unknown }>>]> = [
    [
      'with the console session',
      async () => {
        const attacker = await t.signedIn('attacker', 'attacker-password');
        const ownSession = (method: string, attempt: Attempt) => method !== 'GET' && attempt.path === '/admin/api/session';
        return (method, attempt) => send(ownSession(method, attempt) ? t.signedIn('attacker', 'attacker-password') : attacker, method, attempt);
      },
    ],
    [
      'with an access token of one of their applications',
      async () => {
        const attacker = await t.signedIn('attacker', 'attacker-password');
        const me = (await attacker.get<{ id: number }>('/admin/api/me')).body;
        const app = await attacker.post<CreatedOAuthApplicationDto>('/admin/api/oauth-applications', { name: 'Attacker Machine', grants: ['client_credentials'], userId: me.id });
        const answer = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client: { id: app.body.id, clientId: app.body.clientId, clientSecret: app.body.clientSecret ?? '' } });
        const bearer = { authorization: `Bearer ${String(answer.body['access_token'])}` };
        return (method, attempt) => send(Promise.resolve(t.client()), method, attempt, bearer);
      },
    ],
  ];

  async function send(as: HttpClient | Promise<HttpClient>, method: string, attempt: Attempt, headers: Record<string, string> = {}) {
    const answer = await (await as).request<unknown>(method, attempt.path, attempt.body, headers);
    return { status: answer.status, text: JSON.stringify(answer.body), body: answer.body };
  }

  describe.each(callers)('%s', (_, signIn) => {
    let call: Awaited<ReturnType<(typeof callers)[number][1]>>;
    beforeAll(async () => {
      call = await signIn();
    });

    it.each(Object.keys(RULES))('%s', async (route) => {
      const [method] = route.split(' ');
      const rule = RULES[route];
      const before = await snapshot(t.dataSource, 'refused' in rule);
      const attempts = 'refused' in rule ? rule.refused(victim) : rule.answered(victim);
      for (const attempt of attempts) {
        const answer = await call(method, attempt);
        expect(answer.text.toLowerCase()).not.toContain(MARK);
        if ('refused' in rule) {
          const refusedAtField = answer.status === 400 && attempt.field !== undefined && (answer.body as { errors?: Record<string, string> }).errors?.[attempt.field] !== undefined;
          expect({ attempt, status: answer.status, refused: [403, 404].includes(answer.status) || refusedAtField }).toEqual({ attempt, status: answer.status, refused: true });
        } else {
          expect(answer.status).toBeLessThan(500);
        }
      }
      expect(await snapshot(t.dataSource, 'refused' in rule)).toBe(before);
    });
  });
});
