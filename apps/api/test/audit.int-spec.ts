import { AuditRetention } from '@keyhouse/api-audit';
import { sqlDatetime } from '@keyhouse/api-persistence';
import type { AuditEventDto, ClientCredentialsDto, EmailTemplateDto, NotificationRuleDto } from '@keyhouse/shared-contracts';
import { authorize, CALLBACK } from './support/authorize';
import { createOrganization, createUser } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { createClient, token, type Client } from './support/oauth';
import { ADMIN, startTestApp, type TestApp } from './support/test-app';

const filter = (value: Record<string, unknown>) => `?filter=${encodeURIComponent(JSON.stringify(value))}&range=${encodeURIComponent('[0,99]')}`;

describe('audit trail (GET /admin/api/audit-events)', () => {
  let t: TestApp;
  let admin: HttpClient;
  let client: Client;

  beforeAll(async () => {
    t = await startTestApp({ AUDIT_RETENTION_DAYS: '30' });
    admin = await t.signedIn();
    client = await createClient(admin, { name: 'Audited', grants: ['client_credentials', 'authorization_code'], userId: 1, redirectUris: [CALLBACK], scopes: ['a'] });
  });
  afterAll(() => t.close());

  const eventsOf = async (query: Record<string, unknown>, as = admin) => {
    const answer = await as.get<AuditEventDto[]>(`/admin/api/audit-events${filter(query)}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const applicationEvents = () => eventsOf({ targetType: 'oauth_application', targetId: String(client.id) });

  it('records the creation of an application with its actor, source IP and values, never its secret', async () => {
    const [created] = (await applicationEvents()).filter((event) => event.action === 'oauth_application.created');
    expect(created).toMatchObject({
      actor: { id: 1, name: ADMIN.username },
      target: { type: 'oauth_application', id: String(client.id), name: 'Audited' },
      organizationId: 1,
      ip: expect.stringMatching(/127\.0\.0\.1/),
      before: null,
      after: expect.objectContaining({ name: 'Audited', clientId: client.clientId }),
    });
  });

  it('records an edit as the fields it changed, before and after', async () => {
    await admin.request('PUT', `/admin/api/oauth-applications/${client.id}`, { name: 'Audited app', scopes: ['a', 'b'], accessTokenTtl: null }, {});
    const [updated] = (await applicationEvents()).filter((event) => event.action === 'oauth_application.updated');
    expect(updated.before).toEqual({ name: 'Audited', scopes: ['a'] });
    expect(updated.after).toEqual({ name: 'Audited app', scopes: ['a', 'b'] });
  });

  it('records deactivation, activation, a new secret and an unlock, in order, and no value of a secret anywhere', async () => {
    await admin.post(`/admin/api/oauth-applications/${client.id}/deactivate`);
    await admin.post(`/admin/api/oauth-applications/${client.id}/activate`);
    const regenerated = await admin.post<ClientCredentialsDto>(`/admin/api/oauth-applications/${client.id}/secret`);
    await admin.post(`/admin/api/oauth-applications/${client.id}/unlock`);
    const events = await applicationEvents();
    expect(events.slice(0, 4).map((event) => event.action)).toEqual([
      'oauth_application.unlocked',
      'oauth_application.secret_regenerated',
      'oauth_application.activated',
      'oauth_application.deactivated',
    ]);
    const everything = JSON.stringify(await eventsOf({}));
    for (const secret of [client.clientSecret, regenerated.body.clientSecret]) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/digest|passwordHash|clientSecret/i);
    const rows = JSON.stringify(await t.dataSource.query('SELECT * FROM audit_events'));
    expect(rows).not.toContain(regenerated.body.clientSecret);
  });

  it('records sign-ins and failed sign-ins', async () => {
    await t.client().signIn(ADMIN.username, 'wrong password');
    await t.signedIn();
    const [signedIn] = await eventsOf({ action: 'session.signed_in' });
    expect(signedIn).toMatchObject({ actor: { id: 1, name: ADMIN.username }, target: { type: 'user', id: '1' } });
    const [failed] = await eventsOf({ action: 'session.sign_in_failed' });
    expect(failed).toMatchObject({ actor: { id: null, name: ADMIN.username }, target: { type: 'user', id: '1' } });
    expect(JSON.stringify(failed)).not.toContain('wrong password');
  });

  it('records password-grant sign-ins too, with the application and the client\'s address', async () => {
    const app = await createClient(admin, { name: 'Password app', grants: ['password'] });
    expect((await token(t.baseUrl, { grant_type: 'password', username: ADMIN.username, password: ADMIN.password }, { client: app })).status).toBe(200);
    expect((await token(t.baseUrl, { grant_type: 'password', username: ADMIN.username, password: 'nope' }, { client: app })).status).toBe(400);
    const [signedIn] = await eventsOf({ action: 'oauth_password.signed_in' });
    expect(signedIn).toMatchObject({ actor: { id: 1, name: ADMIN.username }, ip: expect.stringMatching(/127\.0\.0\.1/), after: { clientId: app.clientId } });
    const [failed] = await eventsOf({ action: 'oauth_password.sign_in_failed' });
    expect(failed).toMatchObject({ actor: { id: null, name: ADMIN.username }, target: { type: 'user', id: '1' } });
    expect(JSON.stringify(failed)).not.toContain('nope');
  });

  it('records changes to email templates and notification rules', async () => {
    const [template] = (await admin.get<EmailTemplateDto[]>('/admin/api/email-templates')).body;
    await admin.request('PUT', `/admin/api/email-templates/${template.id}`, { subject: 'New subject', body: template.body }, {});
    const [templateEvent] = await eventsOf({ action: 'email_template.updated' });
    expect(templateEvent).toMatchObject({ organizationId: null, before: { subject: template.subject }, after: { subject: 'New subject' } });

    const [rule] = (await admin.get<NotificationRuleDto[]>('/admin/api/notification-rules')).body;
    await admin.request('PUT', `/admin/api/notification-rules/${rule.id}`, { ...rule, notifyOwner: !rule.notifyOwner }, {});
    const [ruleEvent] = await eventsOf({ action: 'notification_rule.updated' });
    expect(ruleEvent).toMatchObject({ before: { notifyOwner: rule.notifyOwner }, after: { notifyOwner: !rule.notifyOwner } });
  });

  it('records installs and uninstalls, and customer users created without their password', async () => {
    await authorize(admin, { response_type: 'code', client_id: client.clientId, scope: 'a' });
    const [installed] = await eventsOf({ action: 'oauth_installation.installed' });
    expect(installed).toMatchObject({ actor: { id: 1 }, target: { type: 'oauth_installation', name: 'Audited app' }, after: { scopes: ['a'] } });
    await admin.delete(`/admin/api/oauth-installations/${installed.target.id}`);
    expect((await eventsOf({ action: 'oauth_installation.uninstalled' }))[0].before).toMatchObject({ application: 'Audited app', scopes: ['a'] });

    await admin.post('/admin/api/customer-users', { email: 'audited@example.com', password: 'a-long-customer-password' });
    const [customer] = await eventsOf({ action: 'customer_user.created' });
    expect(customer.after).toMatchObject({ email: 'audited@example.com' });
    expect(JSON.stringify(customer)).not.toContain('a-long-customer-password');
  });

  it('filters by time, and refuses a malformed filter', async () => {
    const future = new Date(Date.now() + 60_000).toISOString();
    expect(await eventsOf({ from: future })).toEqual([]);
    expect((await eventsOf({ to: future })).length).toBeGreaterThan(5);
    expect((await admin.get(`/admin/api/audit-events${filter({ from: 'yesterday' })}`)).status).toBe(400);
  });

  it('is read-only, needs audit.view, and hides other organizations\' events', async () => {
    const [first] = await eventsOf({});
    expect((await admin.delete(`/admin/api/audit-events/${first.id}`)).status).toBe(405);
    expect((await admin.request('PUT', `/admin/api/audit-events/${first.id}`, {}, {})).status).toBe(405);

    await createUser(t.dataSource, { username: 'plain', password: 'plain-password', organizations: [{ id: 1 }], roles: [] });
    expect((await (await t.signedIn('plain', 'plain-password')).get('/admin/api/audit-events')).status).toBe(403);

    // The first admin is a platform operator, who reads every organization's rows: the tenant here is an administrator of organization 1 only.
    await createUser(t.dataSource, { username: 'home-admin', password: 'home-password', organizations: [{ id: 1 }] });
    const homeAdmin = await t.signedIn('home-admin', 'home-password');
    const elsewhere = await createOrganization(t.dataSource, 'Elsewhere');
    await createUser(t.dataSource, { username: 'other-admin', password: 'other-password', organizations: [elsewhere] });
    const otherAdmin = await t.signedIn('other-admin', 'other-password');
    await createClient(otherAdmin, { name: 'Theirs', grants: ['client_credentials'], userId: (await t.dataSource.query(`SELECT id FROM users WHERE username = 'other-admin'`))[0].id });
    expect((await eventsOf({ q: 'Theirs' }, homeAdmin)).length).toBe(0);
    expect((await eventsOf({ q: 'Theirs' }, otherAdmin)).length).toBe(1);
    expect((await eventsOf({ q: 'Audited' }, homeAdmin)).length).toBeGreaterThan(0);
    expect((await eventsOf({ q: 'Audited' }, otherAdmin)).length).toBe(0);
    expect((await eventsOf({ q: 'Theirs' })).length).toBe(1);
  });

  it('keeps rows AUDIT_RETENTION_DAYS, then deletes them', async () => {
    await t.dataSource.query('UPDATE audit_events SET at = ? WHERE action = ?', [sqlDatetime(new Date(Date.now() - 31 * 86_400_000)), 'session.sign_in_failed']);
    expect((await t.app.get(AuditRetention).deleteExpired()).audit_events).toBeGreaterThanOrEqual(1);
    expect(await eventsOf({ action: 'session.sign_in_failed' })).toEqual([]);
    expect((await eventsOf({ action: 'session.signed_in' })).length).toBeGreaterThan(0);
  });
});
