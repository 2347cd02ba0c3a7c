import { Agent, get as httpGet } from 'node:http';
import type { AuditEventDto, CreatedOAuthApplicationDto, SessionDto } from '@keyhouse/shared-contracts';
import { hiddenFields, postForm } from './support/authorize';
import type { HttpClient } from './support/http-client';
import { createClient, token, type Client } from './support/oauth';
import { ADMIN, startTestApp, type TestApp } from './support/test-app';

// Tests reach the server from 127.0.0.1: that is the socket address, the nearest hop.
const from = (forwardedFor: string) => ({ 'x-forwarded-for': forwardedFor });
const filter = (value: Record<string, unknown>) => `?filter=${encodeURIComponent(JSON.stringify(value))}`;

/** The address recorded by the newest audit row of an action. */
async function auditedAddress(admin: HttpClient, action: string): Promise<string | null> {
  const answer = await admin.get<AuditEventDto[]>(`/admin/api/audit-events${filter({ action })}`);
  expect(answer.status).toBe(200);
  return answer.body[0].ip;
}

function consoleSignIn(t: TestApp, password: string, forwardedFor: string, browser = t.client()) {
  return browser.post<SessionDto>('/admin/api/session', { username: ADMIN.username, password }, from(forwardedFor));
}

describe('the client address behind proxies (TRUST_PROXY): one rule for every endpoint', () => {
  describe('TRUST_PROXY=true: one proxy, the client is the rightmost X-Forwarded-For entry', () => {
    let t: TestApp;
    let admin: HttpClient;

    beforeAll(async () => {
      t = await startTestApp({ TRUST_PROXY: 'true', SIGN_IN_MAX_FAILURES: '100', SIGN_IN_MAX_FAILURES_PER_IP: '3' });
      admin = await t.signedIn();
    });
    afterAll(() => t.close());

    it("keeps an idle connection open past Node's 5 s, so that a proxy reusing it never meets a closed one", async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const get = () =>
        new Promise<{ status: number | undefined; reused: boolean }>((resolve, reject) => {
          const request = httpGet(`${t.baseUrl}/health/ready`, { agent }, (answer) => {
            answer.resume();
            answer.on('end', () => resolve({ status: answer.statusCode, reused: request.reusedSocket }));
          });
          request.on('error', reject);
        });
      try {
        expect(await get()).toEqual({ status: 200, reused: false });
        await new Promise((resolve) => setTimeout(resolve, 6_000));
        expect(await get()).toEqual({ status: 200, reused: true });
      } finally {
        agent.destroy();
      }
    });

    it('refuses an application limited to 10.0.0.0/8 to a client that forged a 10.x entry in front of its real address', async () => {
      const client = await createClient(admin, { name: 'Office only', grants: ['client_credentials'], userId: 1, allowedIpRanges: ['10.0.0.0/8'] });
      // The client sent `X-Forwarded-For: 10.1.2.3`; the proxy appended the address it came from.
      const forged = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client, headers: from('10.1.2.3, 203.0.113.9') });
      expect(forged.status).toBe(401);
      expect(forged.body).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed.' });
      const inside = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client, headers: from('203.0.113.9, 10.1.2.3') });
      expect(inside.status).toBe(200);
    });

    it('counts failed sign-ins per real address, however the forged entry rotates, on the console and the sign-in page alike', async () => {
      for (let i = 1; i <= 2; i++) expect((await consoleSignIn(t, 'wrong', `198.51.100.${i}, 203.0.113.9`)).status).toBe(401);
      const browser = t.client();
      const page = await browser.get<string>(`/oauth2-token/sign-in?return_to=${encodeURIComponent('/oauth2-token/authorize?client_id=x')}`);
      const fields = { ...hiddenFields(page.body), username: ADMIN.username, password: 'wrong' };
      expect((await postForm(browser, '/oauth2-token/sign-in', fields, from('198.51.100.3, 203.0.113.9'))).status).toBe(401);

      const throttled = await consoleSignIn(t, ADMIN.password, '198.51.100.4, 203.0.113.9');
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another real address has its own budget.
      expect((await consoleSignIn(t, ADMIN.password, '198.51.100.4, 203.0.113.10')).status).toBe(200);
    });

    it('counts failed password grants per application and real address, however the forged entry rotates', async () => {
      const app = await createClient(admin, { name: 'Password app', grants: ['password'] });
      const attempt = (password: string, forwardedFor: string) =>
        token(t.baseUrl, { grant_type: 'password', username: ADMIN.username, password }, { client: app, headers: from(forwardedFor) });
      for (let i = 1; i <= 3; i++) expect((await attempt('wrong', `198.51.100.${i}, 203.0.113.20`)).status).toBe(400);
      const throttled = await attempt(ADMIN.password, '198.51.100.4, 203.0.113.20');
      expect(throttled.status).toBe(429);
      expect(throttled.body['error']).toBe('temporarily_unavailable');
    });

    it('records the computed address in audit rows: console sign-in, a change made in the console, password grant', async () => {
      const browser = t.client();
      const signedIn = await consoleSignIn(t, ADMIN.password, '10.1.2.3, 203.0.113.30', browser);
      expect(signedIn.status).toBe(200);
      expect(await auditedAddress(admin, 'session.signed_in')).toBe('203.0.113.30');

      browser.csrfToken = signedIn.body.csrfToken;
      const created = await browser.post<CreatedOAuthApplicationDto>('/admin/api/oauth-applications', { name: 'Audited', grants: ['password'] }, from('10.1.2.3, 203.0.113.31'));
      expect(created.status).toBe(201);
      expect(await auditedAddress(admin, 'oauth_application.created')).toBe('203.0.113.31');

      const client: Client = { id: created.body.id, clientId: created.body.clientId, clientSecret: created.body.clientSecret ?? '' };
      const granted = await token(t.baseUrl, { grant_type: 'password', username: ADMIN.username, password: ADMIN.password }, { client, headers: from('10.1.2.3, 203.0.113.32') });
      expect(granted.status).toBe(200);
      expect(await auditedAddress(admin, 'oauth_password.signed_in')).toBe('203.0.113.32');
    });
  });

  describe.each([
    ['a number of proxies', '2'],
    ['the proxies\' addresses and ranges', '127.0.0.1, 10.0.0.0/8'],
  ])('TRUST_PROXY as %s', (_, trustProxy) => {
    let t: TestApp;
    let admin: HttpClient;
    let client: Client;

    beforeAll(async () => {
      t = await startTestApp({ TRUST_PROXY: trustProxy });
      admin = await t.signedIn();
      client = await createClient(admin, { name: 'Partner network', grants: ['client_credentials'], userId: 1, allowedIpRanges: ['203.0.113.0/24'] });
    });
    afterAll(() => t.close());

    // Two proxies: 10.0.0.2 appended the client's address, and 127.0.0.1 appended 10.0.0.2.
    it('takes the address the farther proxy appended, not what the client forged before it', async () => {
      const behindTwo = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client, headers: from('10.9.9.9, 203.0.113.9, 10.0.0.2') });
      expect(behindTwo.status).toBe(200);
      const forged = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client, headers: from('203.0.113.9, 198.51.100.7, 10.0.0.2') });
      expect(forged.status).toBe(401);
      expect(forged.body['error']).toBe('invalid_client');
    });

    it('and the console records that address', async () => {
      expect((await consoleSignIn(t, ADMIN.password, '10.9.9.9, 203.0.113.9, 10.0.0.2')).status).toBe(200);
      expect(await auditedAddress(admin, 'session.signed_in')).toBe('203.0.113.9');
    });
  });

  describe('TRUST_PROXY unset', () => {
    it('ignores X-Forwarded-For: the socket address is the client', async () => {
      const t = await startTestApp();
      try {
        const admin = await t.signedIn();
        expect((await consoleSignIn(t, ADMIN.password, '203.0.113.9')).status).toBe(200);
        expect(await auditedAddress(admin, 'session.signed_in')).toBe('127.0.0.1');
      } finally {
        await t.close();
      }
    });
  });
});
