import type { HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

type ErrorBody = { message: string; errors: Record<string, string> };

// What the fuzzer found outside the bodies: paths, ids and payloads the API must answer in its documented shapes.
describe('request shapes around the bodies', () => {
  let t: TestApp;
  let admin: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn();
  });
  afterAll(() => t.close());

  describe('a method a path does not take', () => {
    it.each([
      ['DELETE', '/admin/api/audit-events/1', 'GET, HEAD'],
      ['PATCH', '/admin/api/users/1', 'GET, HEAD, PUT'],
      ['DELETE', '/admin/api/users', 'GET, HEAD, POST'],
      ['PUT', '/admin/api/session', 'GET, HEAD, POST, DELETE'],
    ])('%s %s is 405 with Allow: %s', async (method, path, allow) => {
      const answer = await admin.request<{ message: string }>(method, path, method === 'DELETE' ? undefined : {}, {});
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe(allow);
      expect(answer.body.message).toBe(`${method} is not allowed here; this path takes ${allow}.`);
    });

    it('answers a path a route names outright by its methods, though a route with an id would catch it', async () => {
      const answer = await admin.get<{ message: string }>('/admin/api/email-templates/preview');
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe('POST');
      expect((await admin.get('/admin/api/email-templates/1')).status).toBe(200);
    });

    it('leaves a path that does not exist at 404', async () => {
      expect((await admin.request('POST', '/admin/api/no-such-thing', {}, {})).status).toBe(404);
      expect((await admin.get('/admin/api/no-such-thing/1')).status).toBe(404);
    });

    it('answers 405 before asking who is calling (the path is public knowledge)', async () => {
      const stranger = t.client();
      expect((await stranger.request('DELETE', '/admin/api/audit-events/1', undefined, {})).status).toBe(405);
    });
  });

  describe('an id in the path', () => {
    it.each(['1.5', '0', '-1', '01', 'abc', '1e3', '9007199254740993', '2147483648'])('refuses %s with 400 at `id`', async (id) => {
      const answer = await admin.get<ErrorBody>(`/admin/api/users/${id}`);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        message: 'The id in the path is not a valid id.',
        errors: { id: 'Use a whole number from 1 to 2147483647.' },
      });
    });

    it('looks up the largest id and finds nothing', async () => {
      expect((await admin.get('/admin/api/users/2147483647')).status).toBe(404);
    });
  });

  it('refuses an unknown field named like what every object has, which the validation used to drop unseen', async () => {
    const rule = { event: 'oauth_application.created', organizationId: 1, enabled: true, notifyOwner: true, notifyOrganizationAdmins: true };
    const answer = await admin.post<ErrorBody>('/admin/api/notification-rules', { ...rule, toString: {} });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual({ toString: 'Unknown field "toString".' });
  });

  it('answers a body that is not JSON 400 in the validation shape', async () => {
    const answer = await admin.request<ErrorBody>('POST', '/admin/api/users', '{"username": ', { 'content-type': 'application/json' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual({});
    expect(answer.body.message).toEqual(expect.any(String));
  });
});
