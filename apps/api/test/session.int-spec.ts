import { AdminSession } from '@keyhouse/api-identity';
import { ADMIN, startTestApp, type TestApp } from './support/test-app';
import { createOrganization, createUser } from './support/fixtures';
import type { HttpClient } from './support/http-client';

describe('console session (DESIGN.md section 3)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SIGN_IN_MAX_FAILURES: '3', SIGN_IN_MAX_FAILURES_PER_IP: '1000', SIGN_IN_WINDOW: '600' });
  });
  afterAll(() => t.close());

  describe('sign-in', () => {
    it('sets an HttpOnly SameSite cookie and answers the user and a CSRF token', async () => {
      const client = t.client();
      const answer = await client.signIn(ADMIN.username, ADMIN.password);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        user: expect.objectContaining({ username: 'admin', roles: ['ROLE_ADMINISTRATOR'], permissions: expect.arrayContaining(['users.view']) }),
        csrfToken: expect.stringMatching(/^[\w-]{43}$/),
      });
      const cookie = answer.headers.getSetCookie()[0];
      expect(cookie).toMatch(/^keyhouse_session=[\w-]{43};/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      expect(cookie).toMatch(/; Path=\//);
      expect(JSON.stringify(answer.body)).not.toMatch(/passwordHash|scrypt/);
    });

    it('accepts the email address and any letter case', async () => {
      expect((await t.client().signIn('ADMIN@example.com', ADMIN.password)).status).toBe(200);
      expect((await t.client().signIn(' Admin ', ADMIN.password)).status).toBe(200);
    });

    it('answers a wrong password exactly like an unknown user (401, one body)', async () => {
      const wrong = await t.client().signIn(ADMIN.username, 'not-the-password');
      const unknown = await t.client().signIn('nobody-at-all', 'not-the-password');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual({ message: 'Invalid username or password.' });
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.headers.getSetCookie()).toEqual([]);
    });

    it('refuses a disabled user with the same answer', async () => {
      const organization = await createOrganization(t.dataSource, 'Disabled Org');
      await createUser(t.dataSource, { username: 'disabled', password: 'disabled-password', organizations: [organization], enabled: false });
      const answer = await t.client().signIn('disabled', 'disabled-password');
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ message: 'Invalid username or password.' });
    });

    it('explains missing fields with a 400 per field', async () => {
      const answer = await t.client().post('/admin/api/session', { username: '' });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        message: 'Both username and password are required.',
        errors: { username: 'Enter your username or email.', password: 'Enter your password.' },
      });
    });

    it('takes JSON only, so a cross-site form cannot sign anyone in', async () => {
      const answer = await t.client().post('/admin/api/session', 'username=admin&password=x', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(answer.status).toBe(415);
    });

    it.each([
      ['malformed JSON', '{"username":'],
      ['a JSON string', '"admin"'],
      ['non-string fields', '{"username":["admin"],"password":{"a":1}}'],
    ])('answers %s with a 4xx, never a 500', async (_, body) => {
      const answer = await t.client().post('/admin/api/session', body, { 'content-type': 'application/json' });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(expect.objectContaining({ message: expect.any(String) }));
    });

    it('refuses a body over the size limit with 413', async () => {
      const answer = await t.client().post('/admin/api/session', { username: 'a'.repeat(300_000), password: 'x' });
      expect(answer.status).toBe(413);
    });
  });

  describe('throttling', () => {
    it('locks a username after repeated failures, the right password included, with Retry-After', async () => {
      const organization = await createOrganization(t.dataSource, 'Throttle Org');
      await createUser(t.dataSource, { username: 'victim', password: 'victim-password', organizations: [organization] });
      for (let i = 0; i < 3; i++) expect((await t.client().signIn('victim', `guess-${i}`)).status).toBe(401);

      const locked = await t.client().signIn('victim', 'victim-password');
      expect(locked.status).toBe(429);
      expect(locked.body).toEqual({ message: expect.stringMatching(/^Too many sign-in attempts\. Try again in \d+ seconds\.$/) });
      const retryAfter = Number(locked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(500);
      expect(retryAfter).toBeLessThanOrEqual(600);
      // Other accounts are unaffected.
      expect((await t.client().signIn(ADMIN.username, ADMIN.password)).status).toBe(200);
    });

    it('counts per client IP as well', async () => {
      const strict = await startTestApp({ SIGN_IN_MAX_FAILURES: '100', SIGN_IN_MAX_FAILURES_PER_IP: '2' });
      try {
        expect((await strict.client().signIn('someone', 'x')).status).toBe(401);
        expect((await strict.client().signIn('someone-else', 'x')).status).toBe(401);
        expect((await strict.client().signIn(ADMIN.username, ADMIN.password)).status).toBe(429);
      } finally {
        await strict.close();
      }
    });
  });

  describe('the session', () => {
    let admin: HttpClient;
    beforeEach(async () => {
      admin = await t.signedIn();
    });

    it('GET /admin/api/session answers the user and the same CSRF token', async () => {
      const answer = await admin.get<{ csrfToken: string; user: { username: string } }>('/admin/api/session');
      expect(answer.status).toBe(200);
      expect(answer.body.user.username).toBe('admin');
      expect(answer.body.csrfToken).toBe(admin.csrfToken);
    });

    it('GET /admin/api/me answers the user', async () => {
      const answer = await admin.get('/admin/api/me');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(expect.objectContaining({ username: 'admin', email: 'admin@example.com', organizationIds: [1] }));
    });

    it('refuses an unsafe request without the CSRF header (403), or with a wrong one', async () => {
      const withoutHeader = await admin.delete('/admin/api/session', { 'x-csrf-token': '' });
      expect(withoutHeader.status).toBe(403);
      expect(withoutHeader.body).toEqual({ message: expect.stringContaining('CSRF') });
      expect((await admin.delete('/admin/api/session', { 'x-csrf-token': 'x'.repeat(43) })).status).toBe(403);
      // Still signed in: the refused request changed nothing.
      expect((await admin.get('/admin/api/me')).status).toBe(200);
    });

    it('signs out with the CSRF header, after which the cookie is worthless', async () => {
      const cookie = admin.cookie;
      const answer = await admin.delete('/admin/api/session');
      expect(answer.status).toBe(204);
      expect(answer.headers.getSetCookie()[0]).toMatch(/^keyhouse_session=;/);
      const replay = t.client();
      replay.cookie = cookie;
      expect((await replay.get('/admin/api/me')).status).toBe(401);
    });

    it('refuses an expired session', async () => {
      await t.dataSource.createQueryBuilder().update(AdminSession).set({ expiresAt: new Date(Date.now() - 1000) }).execute();
      const answer = await admin.get('/admin/api/me');
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ message: 'Authentication required.' });
    });

    it('requires a session for the back-office API', async () => {
      for (const path of ['/admin/api/me', '/admin/api/session', '/admin/api/users']) {
        expect((await t.client().get(path)).status).toBe(401);
      }
    });
  });
});
