import type { HttpClient } from './support/http-client';
import { createClient, token } from './support/oauth';
import { startTestApp, type TestApp } from './support/test-app';

// Every list of the back-office API (ra-data-simple-rest).
const LISTS = [
  'users',
  'organizations',
  'customer-users',
  'oauth-applications',
  'audit-events',
  'emails',
  'email-templates',
  'notification-rules',
  'oauth-installations',
  'marketplace-apps',
];

// What every plain object inherits: a lookup by such a name must find nothing.
const INHERITED_NAMES = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];

describe('request fields named like what every object inherits', () => {
  let t: TestApp;
  let admin: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn();
  });
  afterAll(() => t.close());

  describe.each(LISTS)('GET /admin/api/%s', (resource) => {
    it.each(INHERITED_NAMES)('answers the filter %s 400 at `filter`, as any unknown filter', async (name) => {
      // Written by hand: an object literal cannot hold an own `__proto__` to stringify.
      const answer = await admin.get<{ message: string; errors: Record<string, string> }>(`/admin/api/${resource}?filter=${encodeURIComponent(`{"${name}":1}`)}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ message: `unknown filter "${name}"`, errors: { filter: `unknown filter "${name}"` } });
    });

    it('answers a sort by __proto__ 400 at `sort`', async () => {
      const answer = await admin.get<{ message: string; errors: Record<string, string> }>(`/admin/api/${resource}?sort=${encodeURIComponent('["__proto__","ASC"]')}`);
      expect(answer.status).toBe(400);
      expect(Object.keys(answer.body.errors)).toEqual(['sort']);
      expect(answer.body.message).toMatch(/^cannot sort by "__proto__"/);
    });
  });

  it('reads such names in a form body as parameters of their own, which the token endpoint ignores', async () => {
    const client = await createClient(admin, { name: 'Machine', grants: ['client_credentials'], userId: 1 });
    const body = `grant_type=client_credentials&${INHERITED_NAMES.map((name) => `${name}=x`).join('&')}`;
    const answer = await token(t.baseUrl, body, { client, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(answer.status).toBe(200);
    expect(answer.body['access_token']).toEqual(expect.any(String));
  });
});
