import type { HttpClient } from './support/http-client';
import { createClient } from './support/oauth';
import { startTestApp, type TestApp } from './support/test-app';

type ErrorBody = { message: string; errors: Record<string, string> };

const SOME_FIELDS = 'Some fields are not valid.';
const FLAG = 'Must be true or false.';
const ID = 'Must be an id.';
const NAME = 'Enter a name for the application.';
const SLUG = 'Use lower-case letters, digits and single dashes (at most 100 characters).';
const TTL = 'Give a number of seconds from 60 to 86400, or leave it empty.';
const REDIRECT_URIS = 'Give a list of at most 20 redirect URIs.';
const SCOPES = 'Give a list of at most 100 scopes.';
const IP_RANGES = 'Give a list of at most 50 IP ranges.';
const DATE_TIME = 'Give an ISO 8601 date and time with a time zone, e.g. 2030-01-31T12:00:00Z.';
const NOT_A_SCOPE = (scope: string) => `"${scope}" is not a valid scope (no spaces, quotes or backslashes).`;

/** The settings both application bodies take, each sent wrong: a wrong type, a nested value, a list where one value goes. */
const SETTINGS: Array<[string, unknown, string]> = [
  ['name', 7, NAME],
  ['name', {}, NAME],
  ['name', ['Named'], NAME],
  ['name', null, NAME],
  ['slug', 7, SLUG],
  ['slug', { a: 1 }, SLUG],
  ['slug', ['a'], SLUG],
  ['active', 'true', FLAG],
  ['active', null, FLAG],
  ['active', [true], FLAG],
  ['redirectUris', 'https://app.example.com/cb', REDIRECT_URIS],
  ['redirectUris', { uri: 'https://app.example.com/cb' }, REDIRECT_URIS],
  ['redirectUris', [{}], 'Redirect URI 1 must be a string.'],
  ['redirectUris', ['https://app.example.com/cb', ['https://app.example.com/cb']], 'Redirect URI 2 must be a string.'],
  ['scopes', 'read', SCOPES],
  ['scopes', { read: true }, SCOPES],
  ['scopes', [[1]], NOT_A_SCOPE('1')],
  ['scopes', [{}], NOT_A_SCOPE('[object Object]')],
  ['scopes', [7], NOT_A_SCOPE('7')],
  ['accessTokenTtl', '600', TTL],
  ['accessTokenTtl', { seconds: 600 }, TTL],
  ['accessTokenTtl', [600], TTL],
  ['accessTokenTtl', 600.5, TTL],
  ['firstParty', 'false', FLAG],
  ['allowPlainPkce', 0, FLAG],
  ['installUrl', 7, 'Must be a URL.'],
  ['installUrl', { url: 'https://app.example.com' }, 'Must be a URL.'],
  ['installUrl', ['https://app.example.com'], 'Must be a URL.'],
  ['listed', 'yes', FLAG],
  ['listed', {}, FLAG],
  ['allowedIpRanges', '10.0.0.0/8', IP_RANGES],
  ['allowedIpRanges', { range: '10.0.0.0/8' }, IP_RANGES],
  ['allowedIpRanges', [{}], 'IP range 1 must be a string.'],
  ['allowedIpRanges', [['10.0.0.0/8']], 'IP range 1 must be a string.'],
];

/** Bodies that are not JSON objects: each route refuses them with its own words and no field. */
const NOT_OBJECTS: unknown[] = [[1, 2], 'str', 123, null, true];

// Issue 14: every body of the applications' routes read by its DTO; what is wrong is refused at its field, never a 500.
describe('request bodies of the applications, secrets and installs', () => {
  let t: TestApp;
  let admin: HttpClient;
  let applicationId: number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn();
    applicationId = (await createClient(admin, { name: 'Bodies', grants: ['client_credentials'], userId: 1 })).id;
  });
  afterAll(() => t.close());

  /** Sends `body` as JSON, whatever it is (the client would send a string as it is). */
  async function refusal(method: string, path: string, body: unknown): Promise<ErrorBody> {
    const answer = await admin.request<ErrorBody>(method, path, JSON.stringify(body), { 'content-type': 'application/json' });
    expect(answer.status).toBe(400);
    return answer.body;
  }

  describe('POST /admin/api/oauth-applications', () => {
    const valid = { name: 'Wrongly typed', grants: ['client_credentials'], userId: 1 };
    const create = (body: unknown) => refusal('POST', '/admin/api/oauth-applications', body);

    it.each<[string, unknown, string]>([
      ...SETTINGS,
      ['organizationId', '1', ID],
      ['organizationId', { id: 1 }, ID],
      ['organizationId', [1], ID],
      ['organizationId', 1.5, ID],
      ['grants', 'client_credentials', 'Choose at least one grant type.'],
      ['grants', { grant: 'password' }, 'Choose at least one grant type.'],
      ['grants', [{}], 'Unknown grant type: [object Object].'],
      ['grants', [7], 'Unknown grant type: 7.'],
      ['frontend', 'false', FLAG],
      ['frontend', {}, FLAG],
      ['userId', '1', ID],
      ['userId', { id: 1 }, ID],
      ['userId', [1], ID],
      ['confidential', 'true', FLAG],
      ['confidential', [false], FLAG],
    ])('refuses %s: %j at the field', async (field, value, message) => {
      expect(await create({ ...valid, [field]: value })).toEqual({ message: SOME_FIELDS, errors: { [field]: message } });
    });

    it('refuses an unknown field, and a missing required one', async () => {
      expect(await create({ ...valid, clientSecret: 'mine' })).toEqual({ message: SOME_FIELDS, errors: { clientSecret: 'Unknown field "clientSecret".' } });
      expect(await create({ grants: ['password'] })).toEqual({ message: SOME_FIELDS, errors: { name: NAME } });
    });

    it.each(NOT_OBJECTS)('refuses the body %j: not an object', async (body) => {
      expect(await create(body)).toEqual({ message: 'Send the application as a JSON object.', errors: {} });
    });

    it('refuses fields named like what every object inherits, by name', async () => {
      // Written by hand: an object literal cannot hold an own `__proto__` to stringify.
      for (const name of ['__proto__', 'constructor']) {
        const body = `{"name":"Inherited","grants":["password"],"${name}":{"prototype":{"admin":true}}}`;
        const answer = await admin.request<ErrorBody>('POST', '/admin/api/oauth-applications', body, { 'content-type': 'application/json' });
        expect(answer.status).toBe(400);
        expect(answer.body.errors).toEqual({ [name]: `Unknown field "${name}".` });
      }
    });
  });

  describe('PUT /admin/api/oauth-applications/:id', () => {
    const update = (body: unknown) => refusal('PUT', `/admin/api/oauth-applications/${applicationId}`, body);

    it.each<[string, unknown, string]>([
      ...SETTINGS,
      // Fixed at creation: any other value, well typed or not, is a change, refused as such.
      ['grants', [{}], 'The grant types cannot be changed after creation.'],
      ['grants', 'client_credentials', 'The grant types cannot be changed after creation.'],
      ['userId', '1', 'The user cannot be changed after creation.'],
      ['frontend', {}, 'The application type cannot be changed after creation.'],
      ['organizationId', [1], 'The organization cannot be changed after creation.'],
      ['confidential', 'true', 'Whether the client is public cannot be changed after creation.'],
      ['clientId', 7, 'clientId is set by the server and cannot be changed.'],
      ['id', { id: 1 }, 'id is set by the server and cannot be changed.'],
    ])('refuses %s: %j at the field', async (field, value, message) => {
      expect(await update({ [field]: value })).toEqual({ message: SOME_FIELDS, errors: { [field]: message } });
    });

    it('refuses an unknown field', async () => {
      expect(await update({ name: 'Renamed', colour: 'red' })).toEqual({ message: SOME_FIELDS, errors: { colour: 'Unknown field "colour".' } });
    });

    it('ignores server state sent back, whatever its value', async () => {
      const answer = await admin.request<{ name: string }>('PUT', `/admin/api/oauth-applications/${applicationId}`, { name: 'Bodies', owner: 5, dormant: 'no' }, {});
      expect(answer.status).toBe(200);
    });

    it.each(NOT_OBJECTS)('refuses the body %j: not an object', async (body) => {
      expect(await update(body)).toEqual({ message: 'Send the application as a JSON object.', errors: {} });
    });
  });

  describe('POST /admin/api/oauth-applications/:id/secrets', () => {
    const add = (body: unknown) => refusal('POST', `/admin/api/oauth-applications/${applicationId}/secrets`, body);
    const previous = `${DATE_TIME} Now or earlier revokes the current secrets at once.`;

    it.each<[string, unknown, string]>([
      ['expiresAt', 1893456000000, DATE_TIME],
      ['expiresAt', true, DATE_TIME],
      ['expiresAt', { at: '2030-01-31T12:00:00Z' }, DATE_TIME],
      ['expiresAt', ['2030-01-31T12:00:00Z'], DATE_TIME],
      ['previousExpiresAt', null, previous],
      ['previousExpiresAt', 7, previous],
      ['previousExpiresAt', {}, previous],
      ['previousExpiresAt', [[1]], previous],
    ])('refuses %s: %j at the field', async (field, value, message) => {
      expect(await add({ [field]: value })).toEqual({ message: SOME_FIELDS, errors: { [field]: message } });
    });

    it('refuses an unknown field', async () => {
      expect(await add({ clientSecret: 'mine' })).toEqual({ message: SOME_FIELDS, errors: { clientSecret: 'Unknown field "clientSecret".' } });
    });

    it.each(NOT_OBJECTS)('refuses the body %j: not an object', async (body) => {
      expect(await add(body)).toEqual({ message: 'Send the options of the new secret as a JSON object.', errors: {} });
    });

    // The contract before the DTOs: every option has a default, so the body may be left out.
    it.each<Record<string, string>>([{}, { 'content-type': 'application/json' }])('takes no body (headers %j) as the defaults', async (headers) => {
      const added = await admin.request<{ expiresAt: string | null; clientSecret: string }>('POST', `/admin/api/oauth-applications/${applicationId}/secrets`, undefined, headers);
      expect(added.status).toBe(201);
      expect(added.body).toEqual(expect.objectContaining({ expiresAt: null, clientSecret: expect.any(String) }));
    });
  });

  describe('POST /admin/api/apps/installed', () => {
    const install = (body: unknown) => refusal('POST', '/admin/api/apps/installed', body);
    const integrationName = "Give the application's integration name (its slug).";

    it.each<[string, unknown, string]>([
      ['integrationName', 42, integrationName],
      ['integrationName', '', integrationName],
      ['integrationName', { slug: 'bodies' }, integrationName],
      ['integrationName', ['bodies'], integrationName],
      ['scopes', 'read', 'Give a list of scopes.'],
      ['scopes', { read: true }, 'Give a list of scopes.'],
      ['scopes', [[1]], 'Give a list of scopes.'],
      ['scopes', [{}], 'Give a list of scopes.'],
      ['scopes', null, 'Give a list of scopes.'],
      ['organizationId', '1', ID],
      ['organizationId', {}, ID],
      ['organizationId', [1], ID],
      ['organizationId', null, ID],
    ])('refuses %s: %j at the field', async (field, value, message) => {
      expect(await install({ integrationName: 'bodies', [field]: value })).toEqual({ message: SOME_FIELDS, errors: { [field]: message } });
    });

    it('refuses an unknown field, and a missing integration name', async () => {
      expect(await install({ integrationName: 'bodies', redirectUri: 'https://evil.example/cb' })).toEqual({
        message: SOME_FIELDS,
        errors: { redirectUri: 'Unknown field "redirectUri".' },
      });
      expect(await install({})).toEqual({ message: SOME_FIELDS, errors: { integrationName } });
    });

    it.each(NOT_OBJECTS)('refuses the body %j: not an object', async (body) => {
      expect(await install(body)).toEqual({ message: 'Send the app to install as a JSON object.', errors: {} });
    });
  });
});
