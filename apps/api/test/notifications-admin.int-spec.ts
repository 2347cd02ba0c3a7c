import type { EmailDto, EmailTemplateDto, NotificationRuleDto, TemplatePreviewDto } from '@keyhouse/shared-contracts';
import { createOrganization, createRole, createUser } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

const q = (params: Record<string, unknown>) =>
  '?' + new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, JSON.stringify(v)])).toString();

describe('notifications in the console: emails, templates, rules', () => {
  let t: TestApp;
  let admin: HttpClient;
  let createdTemplate: EmailTemplateDto;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn();
    const templates = await admin.get<EmailTemplateDto[]>(`/admin/api/email-templates${q({ filter: { event: 'created' } })}`);
    createdTemplate = templates.body.find((template) => template.audience === 'back_office') as EmailTemplateDto;
  });
  afterAll(() => t.close());

  describe('email templates', () => {
    it('lists one template per event and audience, seeded with Oro\'s creation subject', async () => {
      const answer = await admin.get<EmailTemplateDto[]>(`/admin/api/email-templates${q({ range: [0, 99] })}`);
      expect(answer.headers.get('content-range')).toBe('email-templates 0-15/16');
      expect(createdTemplate).toEqual(expect.objectContaining({ event: 'oauth_application.created', locale: 'en', subject: 'OAuth application added to your account' }));
    });

    it('refuses a template that names an unknown variable (a secret among them) or leaves one unclosed', async () => {
      const secret = await admin.request('PUT', `/admin/api/email-templates/${createdTemplate.id}`, { subject: 'Hi', body: '<p>{{ clientSecret }}</p>' }, {});
      expect(secret.status).toBe(400);
      expect(secret.body).toEqual({ message: 'The template cannot be saved.', errors: { body: expect.stringContaining('Unknown variable {{ clientSecret }}') } });
      const unclosed = await admin.request('PUT', `/admin/api/email-templates/${createdTemplate.id}`, { subject: 'Hi {{ ownerName', body: '<p>x</p>' }, {});
      expect(unclosed.body).toEqual(expect.objectContaining({ errors: { subject: 'A placeholder is not closed: write {{ variableName }}.' } }));
      expect((await admin.request('PUT', `/admin/api/email-templates/${createdTemplate.id}`, { subject: '', body: '' }, {})).body).toEqual(
        expect.objectContaining({ errors: { subject: 'Enter a subject.', body: 'Enter the email text.' } }),
      );
    });

    it('previews unsaved text with sample values, HTML escaped', async () => {
      const answer = await admin.post<TemplatePreviewDto>('/admin/api/email-templates/preview', { subject: 'New: {{ applicationName }}', body: '<p>{{ ownerName }} & {{ grants }}</p>' });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ subject: 'New: ERP Sync', html: '<p>Ann Example & Client Credentials</p>' });
    });

    // Found by the request fuzz: the preview took `audience: 0`, which the document refuses.
    it('previews the form as sent, but not with a field of the wrong kind', async () => {
      const text = { subject: 'New: {{ applicationName }}', body: '<p>{{ ownerName }}</p>' };
      const asListed = { ...text, event: 'oauth_application.created', audience: 'back_office', locale: 'de', organizationId: null };
      expect((await admin.post('/admin/api/email-templates/preview', asListed)).status).toBe(200);
      const answer = await admin.post('/admin/api/email-templates/preview', { ...text, audience: 0, organizationId: 'x' });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        message: 'The template cannot be saved.',
        errors: { audience: 'Send it back as listed, or leave it out.', organizationId: 'Send it back as listed, or leave it out.' },
      });
    });

    it('saves a valid template, and the next mail is rendered from it', async () => {
      const saved = await admin.request<EmailTemplateDto>(
        'PUT',
        `/admin/api/email-templates/${createdTemplate.id}`,
        { subject: 'Welcome {{ applicationName }}', body: '<p>Marker 7421 for {{ applicationName }}</p>' },
        {},
      );
      expect(saved.status).toBe(200);
      await admin.post('/admin/api/oauth-applications', { name: 'Templated', grants: ['client_credentials'], userId: 1 });
      const [email] = (await admin.get<EmailDto[]>(`/admin/api/emails${q({ filter: { q: 'Templated' } })}`)).body;
      expect(email).toEqual(expect.objectContaining({ to: 'admin@example.com', subject: 'Welcome Templated', status: 'pending' }));
      expect(email).not.toHaveProperty('html');
      const one = await admin.get<EmailDto>(`/admin/api/emails/${email.id}`);
      expect(one.body.html).toBe('<p>Marker 7421 for Templated</p>');
      expect(one.body.notSentReason).toBe('Not sent: SMTP is not configured (SMTP_URL).');
    });
  });

  describe('emails', () => {
    it('resends a mail from a clean slate', async () => {
      const [email] = (await admin.get<EmailDto[]>('/admin/api/emails')).body;
      await t.dataSource.query(`UPDATE notification_outbox SET status = 'failed', attempts = 8, lastError = 'boom' WHERE id = ?`, [email.id]);
      const answer = await admin.post<EmailDto>(`/admin/api/emails/${email.id}/resend`);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(expect.objectContaining({ status: 'pending', attempts: 0, lastError: null }));
    });

    it('filters by status and refuses an unknown one', async () => {
      expect((await admin.get<EmailDto[]>(`/admin/api/emails${q({ filter: { status: 'sent' } })}`)).body).toEqual([]);
      expect((await admin.get(`/admin/api/emails${q({ filter: { status: 'lost' } })}`)).status).toBe(400);
    });
  });

  describe('tenants', () => {
    it('shows mail only to members of the organization it is about', async () => {
      const other = await createOrganization(t.dataSource, 'Other Tenant');
      const otherAdminUser = await createUser(t.dataSource, { username: 'other-admin', password: 'other-admin-password', organizations: [other] });
      const otherAdmin = await t.signedIn('other-admin', 'other-admin-password');
      // An administrator of the first organization only: the first admin is a platform operator, who sees every organization's mail.
      await createUser(t.dataSource, { username: 'home-admin', password: 'home-admin-password', organizations: [{ id: 1 }] });
      const homeAdmin = await t.signedIn('home-admin', 'home-admin-password');
      const created = await otherAdmin.post('/admin/api/oauth-applications', { name: 'Tenant Secret Project', grants: ['client_credentials'], userId: otherAdminUser.id });
      expect(created.status).toBe(201);

      const theirs = (await otherAdmin.get<EmailDto[]>(`/admin/api/emails${q({ filter: { q: 'other-admin' } })}`)).body;
      expect(theirs).toHaveLength(1);
      const mine = (await homeAdmin.get<EmailDto[]>(`/admin/api/emails${q({ range: [0, 999] })}`)).body;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.map((email) => email.id)).not.toContain(theirs[0].id);
      expect((await homeAdmin.get(`/admin/api/emails/${theirs[0].id}`)).status).toBe(404);
      expect((await homeAdmin.post(`/admin/api/emails/${theirs[0].id}/resend`)).status).toBe(404);
      expect((await admin.get(`/admin/api/emails/${theirs[0].id}`)).status).toBe(200);
    });
  });

  describe('notification rules', () => {
    it('lists one rule per event and saves recipients', async () => {
      const rules = (await admin.get<NotificationRuleDto[]>('/admin/api/notification-rules')).body;
      expect(rules.map((rule) => rule.event).sort()).toEqual([
        'oauth_application.created',
        'oauth_application.deactivated',
        'oauth_application.deleted',
        'oauth_application.dormant',
        'oauth_application.secret_added',
        'oauth_application.secret_expiring',
        'oauth_application.secret_regenerated',
        'oauth_application.secret_revoked',
      ]);
      const rule = rules[0];
      const answer = await admin.request<NotificationRuleDto>(
        'PUT',
        `/admin/api/notification-rules/${rule.id}`,
        { enabled: true, notifyOwner: false, notifyOrganizationAdmins: true, extraRecipients: ['security@example.com'] },
        {},
      );
      expect(answer.body).toEqual(expect.objectContaining({ notifyOwner: false, notifyOrganizationAdmins: true, extraRecipients: ['security@example.com'] }));
    });

    it('refuses a bad address or a missing switch at its field', async () => {
      const [rule] = (await admin.get<NotificationRuleDto[]>('/admin/api/notification-rules')).body;
      const answer = await admin.request('PUT', `/admin/api/notification-rules/${rule.id}`, { enabled: true, notifyOwner: true, extraRecipients: ['not-an-email'] }, {});
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(expect.objectContaining({ errors: { notifyOrganizationAdmins: 'Must be true or false.', extraRecipients: '"not-an-email" is not an email address.' } }));
    });
  });

  describe('permissions', () => {
    it('needs notifications.view to look and notifications.edit to change', async () => {
      await createRole(t.dataSource, 'ROLE_MAIL_READER', ['notifications.view']);
      await createUser(t.dataSource, { username: 'reader', password: 'reader-password', organizations: [{ id: 1 }], roles: ['ROLE_MAIL_READER'] });
      await createUser(t.dataSource, { username: 'nobody', password: 'nobody-password', organizations: [{ id: 1 }], roles: ['ROLE_USER'] });
      const reader = await t.signedIn('reader', 'reader-password');
      const nobody = await t.signedIn('nobody', 'nobody-password');
      expect((await reader.get('/admin/api/emails')).status).toBe(200);
      expect((await reader.request('PUT', `/admin/api/email-templates/${createdTemplate.id}`, { subject: 'x', body: 'y' }, {})).status).toBe(403);
      expect((await reader.post('/admin/api/emails/1/resend')).status).toBe(403);
      for (const path of ['/admin/api/emails', '/admin/api/email-templates', '/admin/api/notification-rules']) {
        expect((await nobody.get(path)).status).toBe(403);
      }
    });
  });
});
