import { APPLICATION_EVENTS, type EmailTemplateDto, type NotificationRuleDto } from '@keyhouse/shared-contracts';
import { NotificationRule, OutboxEmail } from '@keyhouse/api-notifications';
import { migrate, openDatabase, parseDatabaseUrl } from '@keyhouse/api-persistence';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from '../src/entities';
import { freshDatabase } from './support/databases';
import { createOrganization, createUser } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

const q = (params: Record<string, unknown>) =>
  '?' + new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, JSON.stringify(v)])).toString();

const CREATED = 'oauth_application.created';
const PLATFORM_SUBJECT = 'OAuth application added to your account';
const recipients = { enabled: true, notifyOwner: true, notifyOrganizationAdmins: false, extraRecipients: [] as string[] };

/**
 * Notification settings per organization: platform defaults that operators edit, and each
 * organization's overrides, edited by its administrators and used only for mail about it.
 */
describe('notification settings per organization', () => {
  let t: TestApp;
  let operator: HttpClient;
  let tenant: HttpClient;
  let alpha: number;
  let beta: number;
  let alphaOwner: number;
  let betaOwner: number;
  let defaultRule: NotificationRuleDto;
  let defaultTemplate: EmailTemplateDto;

  beforeAll(async () => {
    t = await startTestApp();
    operator = await t.signedIn();
    alpha = (await createOrganization(t.dataSource, 'Alpha')).id;
    beta = (await createOrganization(t.dataSource, 'Beta')).id;
    // Beta's administrator belongs to Beta only, and is no platform operator.
    await createUser(t.dataSource, { username: 'beta-admin', password: 'beta-admin-password', organizations: [{ id: beta }] });
    tenant = await t.signedIn('beta-admin', 'beta-admin-password');
    alphaOwner = (await createUser(t.dataSource, { username: 'alpha-owner', organizations: [{ id: alpha }], roles: ['ROLE_USER'] })).id;
    betaOwner = (await createUser(t.dataSource, { username: 'beta-owner', organizations: [{ id: beta }], roles: ['ROLE_USER'] })).id;
    [defaultRule] = (await operator.get<NotificationRuleDto[]>(`/admin/api/notification-rules${q({ filter: { event: CREATED, organizationId: 'platform' } })}`)).body;
    [defaultTemplate] = (
      await operator.get<EmailTemplateDto[]>(`/admin/api/email-templates${q({ filter: { event: CREATED, organizationId: 'platform' } })}`)
    ).body.filter((template) => template.audience === 'back_office' && template.locale === 'en');
  });
  afterAll(() => t.close());

  /** Creates an application of the organization as the operator; answers the outbox rows it queued. */
  const mailOfNewApplication = async (organizationId: number, userId: number, name: string) => {
    const created = await operator.post<{ id: number }>('/admin/api/oauth-applications', { name, grants: ['client_credentials'], userId, organizationId });
    expect(created.status).toBe(201);
    const mail = await t.dataSource.getRepository(OutboxEmail).find({ where: { organizationId }, order: { id: 'ASC' } });
    return mail.filter((email) => email.subject.includes(name) || email.html.includes(name));
  };
  const betaRule = (extraRecipients: string[]) =>
    tenant.post<NotificationRuleDto>('/admin/api/notification-rules', { event: CREATED, organizationId: beta, ...recipients, extraRecipients });
  const betaTemplate = (subject: string) =>
    tenant.post<EmailTemplateDto>('/admin/api/email-templates', {
      event: CREATED,
      audience: 'back_office',
      locale: 'en',
      organizationId: beta,
      subject,
      body: '<p>Beta text for {{ applicationName }}</p>',
    });

  it('starts with platform defaults only, each saying so', () => {
    expect(defaultRule).toEqual(expect.objectContaining({ event: CREATED, organizationId: null, organizationName: null }));
    expect(defaultTemplate).toEqual(expect.objectContaining({ subject: PLATFORM_SUBJECT, organizationId: null, organizationName: null }));
  });

  describe("an organization administrator, with the platform's and another organization's settings", () => {
    let alphaRule: NotificationRuleDto;
    let alphaTemplate: EmailTemplateDto;

    beforeAll(async () => {
      alphaRule = (await operator.post<NotificationRuleDto>('/admin/api/notification-rules', { event: CREATED, organizationId: alpha, ...recipients })).body;
      alphaTemplate = (
        await operator.post<EmailTemplateDto>('/admin/api/email-templates', {
          event: CREATED,
          audience: 'back_office',
          locale: 'en',
          organizationId: alpha,
          subject: 'Alpha: {{ applicationName }}',
          body: '<p>Alpha</p>',
        })
      ).body;
    });
    afterAll(async () => {
      await operator.delete(`/admin/api/notification-rules/${alphaRule.id}`);
      await operator.delete(`/admin/api/email-templates/${alphaTemplate.id}`);
    });

    it('an operator may write any organization’s overrides, named after it', () => {
      expect(alphaRule).toEqual(expect.objectContaining({ organizationId: alpha, organizationName: 'Alpha' }));
      expect(alphaTemplate).toEqual(expect.objectContaining({ organizationId: alpha, organizationName: 'Alpha' }));
    });

    it('cannot change or delete a platform default (403), nor add a platform template', async () => {
      const ruleEdit = await tenant.request('PUT', `/admin/api/notification-rules/${defaultRule.id}`, { ...recipients, extraRecipients: ['x@example.com'] }, {});
      expect(ruleEdit.status).toBe(403);
      const templateEdit = await tenant.request('PUT', `/admin/api/email-templates/${defaultTemplate.id}`, { subject: 'Hacked', body: '<p>x</p>' }, {});
      expect(templateEdit.status).toBe(403);
      expect((await tenant.delete(`/admin/api/notification-rules/${defaultRule.id}`)).status).toBe(403);
      expect((await tenant.delete(`/admin/api/email-templates/${defaultTemplate.id}`)).status).toBe(403);
      const platformTemplate = await tenant.post('/admin/api/email-templates', { event: CREATED, audience: 'back_office', locale: 'it', subject: 'Ciao', body: '<p>Ciao</p>' });
      expect(platformTemplate.status).toBe(403);

      expect((await operator.get<NotificationRuleDto>(`/admin/api/notification-rules/${defaultRule.id}`)).body.extraRecipients).toEqual([]);
      expect((await operator.get<EmailTemplateDto>(`/admin/api/email-templates/${defaultTemplate.id}`)).body.subject).toBe(PLATFORM_SUBJECT);
    });

    it("neither sees nor changes another organization's overrides (404), nor creates one there (403)", async () => {
      for (const path of [`/admin/api/notification-rules/${alphaRule.id}`, `/admin/api/email-templates/${alphaTemplate.id}`]) {
        expect((await tenant.get(path)).status).toBe(404);
        expect((await tenant.request('PUT', path, { ...recipients, subject: 'x', body: 'y' }, {})).status).toBe(404);
        expect((await tenant.delete(path)).status).toBe(404);
      }
      const rules = (await tenant.get<NotificationRuleDto[]>(`/admin/api/notification-rules${q({ range: [0, 99] })}`)).body;
      expect(rules.map((rule) => rule.organizationId)).not.toContain(alpha);
      const templates = (await tenant.get<EmailTemplateDto[]>(`/admin/api/email-templates${q({ range: [0, 99] })}`)).body;
      expect(templates.map((template) => template.organizationId)).not.toContain(alpha);
      expect((await tenant.get(`/admin/api/notification-rules${q({ filter: { organizationId: alpha } })}`)).body).toEqual([]);
      expect((await tenant.get(`/admin/api/notification-rules${q({ filter: { inForceFor: alpha } })}`)).status).toBe(403);
      expect((await tenant.post('/admin/api/notification-rules', { event: CREATED, organizationId: alpha, ...recipients })).status).toBe(403);
    });
  });

  describe("Beta's own settings", () => {
    let rule: NotificationRuleDto;
    let template: EmailTemplateDto;

    beforeAll(async () => {
      const createdRule = await betaRule(['beta-first@example.com']);
      expect(createdRule.status).toBe(201);
      rule = createdRule.body;
      const createdTemplate = await betaTemplate('Beta: {{ applicationName }}');
      expect(createdTemplate.status).toBe(201);
      template = createdTemplate.body;
    });

    it('are overrides of Beta, which its administrator edits', async () => {
      expect(rule).toEqual(expect.objectContaining({ organizationId: beta, organizationName: 'Beta', extraRecipients: ['beta-first@example.com'] }));
      expect(template).toEqual(expect.objectContaining({ organizationId: beta, organizationName: 'Beta', subject: 'Beta: {{ applicationName }}' }));
      const edited = await tenant.request<NotificationRuleDto>('PUT', `/admin/api/notification-rules/${rule.id}`, { ...rule, extraRecipients: ['beta-security@example.com'] }, {});
      expect(edited.body).toEqual(expect.objectContaining({ id: rule.id, extraRecipients: ['beta-security@example.com'] }));
      const moved = await tenant.request('PUT', `/admin/api/notification-rules/${rule.id}`, { ...rule, organizationId: alpha }, {});
      expect(moved.body).toEqual(expect.objectContaining({ errors: { organizationId: expect.stringContaining('cannot be changed') } }));
      // Audited as Beta's, where Beta's auditors can read it.
      const audited = (await t.dataSource.query(
        'SELECT e.action AS action, o.organizationId AS organizationId FROM audit_events e JOIN audit_event_organizations o ON o.eventId = e.id WHERE e.targetType = ? AND e.targetId = ? ORDER BY e.id',
        ['notification_rule', String(rule.id)],
      )) as Array<{
        action: string;
        organizationId: number;
      }>;
      expect(audited.map((event) => [event.action, Number(event.organizationId)])).toEqual([
        ['notification_rule.created', beta],
        ['notification_rule.updated', beta],
      ]);
    });

    it("are used for mail about Beta's applications only: Alpha's mail goes to Alpha's people, in the platform's words", async () => {
      const alphaMail = await mailOfNewApplication(alpha, alphaOwner, 'Alpha Sync');
      expect(alphaMail.map((email) => email.recipient)).toEqual(['alpha-owner@example.com']);
      expect(alphaMail[0].subject).toBe(PLATFORM_SUBJECT);
      expect(alphaMail[0].html).not.toContain('Beta text');

      const betaMail = await mailOfNewApplication(beta, betaOwner, 'Beta Sync');
      expect(betaMail.map((email) => email.recipient).sort()).toEqual(['beta-owner@example.com', 'beta-security@example.com']);
      for (const email of betaMail) {
        expect(email.subject).toBe('Beta: Beta Sync');
        expect(email.html).toBe('<p>Beta text for Beta Sync</p>');
      }
    });

    it('in force for Beta: exactly one rule per event and one template per event, recipient and language, its own where it has one', async () => {
      const rules = (await tenant.get<NotificationRuleDto[]>(`/admin/api/notification-rules${q({ filter: { inForceFor: beta }, range: [0, 99] })}`)).body;
      expect(rules.map((inForce) => inForce.event).sort()).toEqual([...APPLICATION_EVENTS].sort());
      expect(rules.filter((inForce) => inForce.organizationId !== null)).toEqual([expect.objectContaining({ id: rule.id, event: CREATED })]);

      const platform = (await operator.get<EmailTemplateDto[]>(`/admin/api/email-templates${q({ filter: { inForceFor: 'platform' }, range: [0, 99] })}`)).body;
      expect(platform.length).toBeGreaterThan(0);
      expect(platform.every((inForce) => inForce.organizationId === null)).toBe(true);
      const templates = (await tenant.get<EmailTemplateDto[]>(`/admin/api/email-templates${q({ filter: { inForceFor: beta }, range: [0, 99] })}`)).body;
      const key = (one: EmailTemplateDto) => `${one.event} ${one.audience} ${one.locale}`;
      expect(templates.map(key).sort()).toEqual(platform.map(key).sort());
      expect(templates.filter((inForce) => inForce.organizationId !== null).map((inForce) => inForce.id)).toEqual([template.id]);
    });

    it('is one per event and organization: a second one is refused at the event', async () => {
      const again = await betaRule(['again@example.com']);
      expect(again.status).toBe(400);
      expect(again.body).toEqual(expect.objectContaining({ errors: { event: 'This organization has its own rule for this event already: edit that one.' } }));
    });

    it('reverting removes the override: the default applies again', async () => {
      expect((await tenant.delete(`/admin/api/notification-rules/${rule.id}`)).status).toBe(200);
      expect((await tenant.delete(`/admin/api/email-templates/${template.id}`)).status).toBe(200);
      expect((await tenant.get(`/admin/api/notification-rules/${rule.id}`)).status).toBe(404);

      const rules = (await tenant.get<NotificationRuleDto[]>(`/admin/api/notification-rules${q({ filter: { inForceFor: beta }, range: [0, 99] })}`)).body;
      expect(rules.find((inForce) => inForce.event === CREATED)).toEqual(expect.objectContaining({ id: defaultRule.id, organizationId: null }));
      const betaMail = await mailOfNewApplication(beta, betaOwner, 'Beta Again');
      expect(betaMail.map((email) => [email.recipient, email.subject])).toEqual([['beta-owner@example.com', PLATFORM_SUBJECT]]);
    });
  });

  describe('created at the same time', () => {
    it('one override of a rule: one row, and a clean 400 for the others (no 500)', async () => {
      const event = 'oauth_application.deleted';
      const answers = await Promise.all(
        [1, 2, 3, 4].map((n) => tenant.post('/admin/api/notification-rules', { event, organizationId: beta, ...recipients, extraRecipients: [`race-${n}@example.com`] })),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 400, 400, 400]);
      expect(await t.dataSource.getRepository(NotificationRule).countBy({ event, organizationId: beta })).toBe(1);
    });

    it('one platform template in a new language, which no unique index guards (NULL organization): one row', async () => {
      const answers = await Promise.all(
        [1, 2, 3, 4].map((n) =>
          operator.post('/admin/api/email-templates', { event: 'oauth_application.deleted', audience: 'storefront', locale: 'sv', subject: `Borttagen ${n}`, body: '<p>Borttagen</p>' }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 400, 400, 400]);
      expect(answers.find((answer) => answer.status === 400)?.body).toEqual(
        expect.objectContaining({ errors: { locale: 'This event already has a sv template for this recipient.' } }),
      );
      const rows = (await t.dataSource.query(
        `SELECT COUNT(*) AS n FROM email_templates WHERE event = 'oauth_application.deleted' AND audience = 'storefront' AND locale = 'sv' AND organizationId IS NULL`,
      )) as Array<{ n: number | string }>;
      expect(Number(rows[0].n)).toBe(1);
    });
  });

  it('an operator deletes a platform translation, never the English fallback nor a platform rule', async () => {
    const platform = await operator.get<EmailTemplateDto[]>(`/admin/api/email-templates${q({ filter: { inForceFor: 'platform', event: 'oauth_application.deleted' } })}`);
    const swedish = platform.body.find((template) => template.locale === 'sv' && template.audience === 'storefront') as EmailTemplateDto;
    expect((await operator.delete(`/admin/api/email-templates/${swedish.id}`)).status).toBe(200);
    expect((await operator.get(`/admin/api/email-templates/${swedish.id}`)).status).toBe(404);
    expect((await operator.delete(`/admin/api/email-templates/${defaultTemplate.id}`)).status).toBe(403);
    expect((await operator.delete(`/admin/api/notification-rules/${defaultRule.id}`)).status).toBe(403);
  });
});

describe('the notification tenancy migration', () => {
  it('turns the rules and templates of an existing database into platform defaults', async () => {
    const database = await freshDatabase();
    const settings = parseDatabaseUrl(database.url);
    const head = await openDatabase(settings, ENTITIES);
    // The same database and driver, knowing only the migrations (classes named <Name><timestamp>) before this one.
    const migrations = head.options.migrations as Array<{ name: string }>;
    const before = new DataSource({ ...head.options, migrations: migrations.filter(({ name }) => Number(name.slice(-13)) < 1764050000000) } as DataSourceOptions);
    await before.initialize();
    try {
      await migrate(before);
      // As the old schema had them: one rule per event and one template per event, audience and locale, edited in the console.
      await before.query(`UPDATE notification_rules SET extraRecipients = '["ops@example.com"]' WHERE event = ?`, [CREATED]);
      await before.query(`INSERT INTO email_templates (event, audience, locale, subject, body) VALUES (?, 'back_office', 'de', 'Hinzugefügt', '<p>Hallo</p>')`, [CREATED]);
      const rulesBefore = Number(((await before.query('SELECT COUNT(*) AS n FROM notification_rules')) as Array<{ n: number }>)[0].n);
      const templatesBefore = Number(((await before.query('SELECT COUNT(*) AS n FROM email_templates')) as Array<{ n: number }>)[0].n);
      await before.destroy();

      expect((await migrate(head))[0]).toBe('NotificationTenancy1764050000000');
      const rules = (await head.query('SELECT event, organizationId, extraRecipients FROM notification_rules')) as Array<{ event: string; organizationId: number | null; extraRecipients: string }>;
      expect(rules).toHaveLength(rulesBefore);
      expect(rules.every((rule) => rule.organizationId === null)).toBe(true);
      expect(rules.find((rule) => rule.event === CREATED)?.extraRecipients).toBe('["ops@example.com"]');
      const templates = (await head.query('SELECT locale, organizationId FROM email_templates')) as Array<{ locale: string; organizationId: number | null }>;
      expect(templates).toHaveLength(templatesBefore);
      expect(templates.every((template) => template.organizationId === null)).toBe(true);
      expect(templates.map((template) => template.locale)).toContain('de');
      // Organizations may now override them, one rule each per event.
      await head.query(`INSERT INTO organizations (name) VALUES ('Tenant')`);
      const [{ id: tenant }] = (await head.query(`SELECT id FROM organizations WHERE name = 'Tenant'`)) as Array<{ id: number }>;
      const override = `INSERT INTO notification_rules (event, organizationId, extraRecipients) VALUES (?, ?, '[]')`;
      await head.query(override, [CREATED, tenant]);
      await expect(head.query(override, [CREATED, tenant])).rejects.toThrow();
    } finally {
      if (before.isInitialized) await before.destroy();
      await head.destroy();
      await database.drop();
    }
  });
});
