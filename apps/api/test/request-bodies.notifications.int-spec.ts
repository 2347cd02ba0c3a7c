import { APPLICATION_EVENTS, type EmailTemplateDto, type NotificationRuleDto } from '@keyhouse/shared-contracts';
import { createOrganization } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

type ErrorBody = { message: string; errors: Record<string, string> };

const CREATED = 'oauth_application.created';
const SWITCH = 'Must be true or false.';
const NOT_A_LIST = 'Give a list of at most 50 email addresses.';
const TEXT = { subject: 'Added: {{ applicationName }}', body: '<p>{{ ownerName }}</p>' };
const RECIPIENTS = { enabled: true, notifyOwner: true, notifyOrganizationAdmins: false, extraRecipients: ['ops@example.com'] };

/** One route that takes a body: a body it accepts, the message of its refusals, and each field's message. */
interface BodyRoute {
  method: 'POST' | 'PUT';
  path: () => string;
  valid: () => Record<string, unknown>;
  message: string;
  fields: Record<string, string>;
  /** Fields that may be left out. */
  optional?: string[];
}

// Wrong types and nested values; each field is sent those of another kind than its valid value.
const WRONG_VALUES: unknown[] = [{}, { nested: { deeper: [1] } }, [], [{}], 'text', 2.5, true];
const NOT_OBJECTS: unknown[] = [[1, 2], 'str', 123, null, true];

const kind = (value: unknown) => (Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value);

/**
 * The notification routes' request bodies, checked by their DTO classes: every refusal is a 400
 * in the documented shape naming the field, never a 500, with the words the API always used.
 */
describe('request bodies of the notification routes', () => {
  let t: TestApp;
  let admin: HttpClient;
  let organizationId: number;
  let template: EmailTemplateDto;
  let rule: NotificationRuleDto;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn();
    organizationId = (await createOrganization(t.dataSource, 'Bodies Org')).id;
    [template] = (await admin.get<EmailTemplateDto[]>('/admin/api/email-templates')).body;
    [rule] = (await admin.get<NotificationRuleDto[]>('/admin/api/notification-rules')).body;
  });
  afterAll(() => t.close());

  const templateText: Omit<BodyRoute, 'method' | 'path'> = {
    valid: () => TEXT,
    message: 'The template cannot be saved.',
    fields: { subject: 'Enter a subject.', body: 'Enter the email text.' },
  };
  const recipientFields = { enabled: SWITCH, notifyOwner: SWITCH, notifyOrganizationAdmins: SWITCH, extraRecipients: NOT_A_LIST };

  const ROUTES: Record<string, BodyRoute> = {
    'POST /admin/api/email-templates': {
      method: 'POST',
      path: () => '/admin/api/email-templates',
      valid: () => ({ event: CREATED, audience: 'back_office', locale: 'fr', organizationId, ...TEXT }),
      message: 'The template cannot be saved.',
      fields: {
        event: `Choose one of: ${APPLICATION_EVENTS.join(', ')}.`,
        audience: 'Choose back_office or storefront.',
        locale: 'Use a language tag such as de or pt-BR.',
        organizationId: 'Must be an organization id, or null for the platform.',
        ...templateText.fields,
      },
      optional: ['organizationId'],
    },
    'PUT /admin/api/email-templates/{id}': { ...templateText, method: 'PUT', path: () => `/admin/api/email-templates/${template.id}` },
    'POST /admin/api/email-templates/preview': { ...templateText, method: 'POST', path: () => '/admin/api/email-templates/preview' },
    'POST /admin/api/notification-rules': {
      method: 'POST',
      path: () => '/admin/api/notification-rules',
      valid: () => ({ event: CREATED, organizationId, ...RECIPIENTS }),
      message: 'The rule was not created.',
      fields: { event: `Choose one of: ${APPLICATION_EVENTS.join(', ')}.`, organizationId: 'Choose the organization this applies to.', ...recipientFields },
      optional: ['extraRecipients'],
    },
    'PUT /admin/api/notification-rules/{id}': {
      method: 'PUT',
      path: () => `/admin/api/notification-rules/${rule.id}`,
      valid: () => RECIPIENTS,
      message: 'Some fields are not valid.',
      fields: recipientFields,
      optional: ['extraRecipients'],
    },
  };

  describe.each(Object.entries(ROUTES))('%s', (_, route) => {
    const send = (body: unknown, headers: Record<string, string> = {}) => admin.request<ErrorBody>(route.method, route.path(), body, headers);

    it.each(NOT_OBJECTS.map((body) => [JSON.stringify(body), body]))('refuses the body %s, which is not an object', async (_, body) => {
      // A JSON string goes out as it is written; the client would send any other string raw.
      const answer = typeof body === 'string' ? await send(JSON.stringify(body), { 'content-type': 'application/json' }) : await send(body);
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 400, body: { message: route.message, errors: {} } });
    });

    it('refuses an unknown field by its name, and nothing else', async () => {
      const answer = await send({ ...route.valid(), colour: 'red' });
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 400, body: { message: route.message, errors: { colour: 'Unknown field "colour".' } } });
    });

    it('refuses each field of the wrong type, or nested, at that field in its own words', async () => {
      for (const [field, message] of Object.entries(route.fields)) {
        for (const value of WRONG_VALUES.filter((wrong) => kind(wrong) !== kind(route.valid()[field]))) {
          const answer = await send({ ...route.valid(), [field]: value });
          expect({ field, value, status: answer.status, body: answer.body }).toEqual({ field, value, status: 400, body: { message: route.message, errors: { [field]: message } } });
        }
      }
    });

    it('refuses an empty body at each field it needs', async () => {
      const answer = await send({});
      const required = Object.keys(route.fields).filter((field) => !route.optional?.includes(field));
      expect({ status: answer.status, fields: Object.keys(answer.body.errors).sort() }).toEqual({ status: 400, fields: required.sort() });
    });
  });

  describe('the addresses of a rule', () => {
    const put = (extraRecipients: unknown) => admin.request<ErrorBody & NotificationRuleDto>('PUT', `/admin/api/notification-rules/${rule.id}`, { ...RECIPIENTS, extraRecipients }, {});

    it.each([
      [[{}], '"[object Object]" is not an email address.'],
      [[['ops@example.com']], '"ops@example.com" is not an email address.'],
      [['ops@example.com', null], '"null" is not an email address.'],
      [['ops@example.com', 7], '"7" is not an email address.'],
      [['nobody'], '"nobody" is not an email address.'],
      [Array.from({ length: 51 }, (_, n) => `ops${n}@example.com`), NOT_A_LIST],
    ])('refuses %j at extraRecipients', async (extraRecipients, message) => {
      const answer = await put(extraRecipients);
      expect({ status: answer.status, errors: answer.body.errors }).toEqual({ status: 400, errors: { extraRecipients: message } });
    });

    it('takes null as none, and stores addresses without the spaces around them', async () => {
      expect((await put(null)).body.extraRecipients).toEqual([]);
      expect((await put([' ops@example.com '])).body.extraRecipients).toEqual(['ops@example.com']);
    });
  });

  describe('an edit that sends the record back as listed', () => {
    it('is taken when what identifies the setting is unchanged', async () => {
      const answer = await admin.request<EmailTemplateDto>('PUT', `/admin/api/email-templates/${template.id}`, { ...template, subject: 'Edited {{ applicationName }}' }, {});
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(expect.objectContaining({ id: template.id, locale: template.locale, subject: 'Edited {{ applicationName }}' }));
    });

    it.each([
      ['locale', 'de', 'This cannot be changed: customize the setting or revert it instead.'],
      ['audience', 'storefront', 'This cannot be changed: customize the setting or revert it instead.'],
      ['event', 'oauth_application.dormant', 'This cannot be changed: customize the setting or revert it instead.'],
      ['organizationId', 7, 'This cannot be changed: customize the setting or revert it instead.'],
      ['event', { nested: true }, 'Send it back as listed, or leave it out.'],
      ['organizationId', 'platform', 'Send it back as listed, or leave it out.'],
    ])('refuses %s sent as %j at that field', async (field, value, message) => {
      const answer = await admin.request<ErrorBody>('PUT', `/admin/api/email-templates/${template.id}`, { ...template, ...TEXT, [field]: value }, {});
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 400, body: { message: 'The template cannot be saved.', errors: { [field]: message } } });
    });
  });

  it.each([
    ['email-templates', 'id', false],
    ['email-templates', 'organizationName', 7],
    ['notification-rules', 'id', 0],
    ['notification-rules', 'updatedAt', {}],
  ])('refuses in an edit of %s a field %s sent as %j, which the list never shows', async (resource, field, value) => {
    const [path, body] = resource === 'email-templates' ? [`/admin/api/email-templates/${template.id}`, TEXT] : [`/admin/api/notification-rules/${rule.id}`, RECIPIENTS];
    const answer = await admin.request<ErrorBody>('PUT', path, { ...body, [field]: value }, {});
    expect({ status: answer.status, errors: answer.body.errors }).toEqual({ status: 400, errors: { [field]: 'Send it back as listed, or leave it out.' } });
  });

  describe('the preview', () => {
    it('is matched for its own path: GET is 405 with Allow, not an id', async () => {
      const answer = await admin.get<{ message: string }>('/admin/api/email-templates/preview');
      expect({ status: answer.status, allow: answer.headers.get('allow') }).toEqual({ status: 405, allow: 'POST' });
      expect(answer.body.message).toBe('GET is not allowed here; this path takes POST.');
    });

    it('leaves other words in the place of an id to the id check', async () => {
      const answer = await admin.get<ErrorBody>('/admin/api/email-templates/previews');
      expect({ status: answer.status, errors: answer.body.errors }).toEqual({ status: 400, errors: { id: 'Use a whole number from 1 to 2147483647.' } });
    });

    it('renders text sent with the rest of a listed template', async () => {
      const answer = await admin.post<{ subject: string }>('/admin/api/email-templates/preview', { ...template, ...TEXT });
      expect({ status: answer.status, subject: answer.body.subject }).toEqual({ status: 200, subject: 'Added: ERP Sync' });
    });
  });
});
