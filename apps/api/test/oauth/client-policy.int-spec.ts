import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { sqlDatetime } from '@keyhouse/api-persistence';
import { createUser } from '../support/fixtures';
import type { HttpClient } from '../support/http-client';
import { createClient, token, type Client } from '../support/oauth';
import { startTestApp, type TestApp } from '../support/test-app';

describe('per-application policy: client IP ranges and failed-authentication lock', () => {
  let t: TestApp;
  let admin: HttpClient;
  let botId: number;

  beforeAll(async () => {
    // Behind a proxy, so each request can say which address it comes from.
    t = await startTestApp({ TRUST_PROXY: 'true', CLIENT_AUTH_MAX_FAILURES: '3', CLIENT_AUTH_LOCK_SECONDS: '600' });
    admin = await t.signedIn();
    botId = (await createUser(t.dataSource, { username: 'bot', organizations: [{ id: 1 }] })).id;
  });
  afterAll(() => t.close());

  const from = (ip: string) => ({ 'x-forwarded-for': ip });
  const application = async (client: Client) => (await admin.get<OAuthApplicationDto>(`/admin/api/oauth-applications/${client.id}`)).body;
  const wrongSecret = (client: Client) => ({ ...client, clientSecret: 'not-the-secret' });

  describe('allowed IP ranges (client_credentials)', () => {
    let client: Client;
    beforeAll(async () => {
      client = await createClient(admin, { name: 'Office only', grants: ['client_credentials'], userId: botId, allowedIpRanges: ['10.0.0.0/8', '2001:db8::/32'] });
    });

    it('issues tokens to clients inside the ranges, IPv4 and IPv6', async () => {
      expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { client, headers: from('10.20.30.40') })).status).toBe(200);
      expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { client, headers: from('2001:db8::7') })).status).toBe(200);
    });

    it('answers invalid_client outside them, even with the right secret', async () => {
      const answer = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client, headers: from('203.0.113.9') });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed.' });
      // A client on the wrong network is not guessing secrets: it does not count towards the lock.
      expect((await application(client)).failedAuthentications).toBe(0);
    });

    it('are edited with the application and shown in it', async () => {
      const updated = await admin.request<OAuthApplicationDto>('PUT', `/admin/api/oauth-applications/${client.id}`, { allowedIpRanges: ['203.0.113.0/24'] }, {});
      expect(updated.body.allowedIpRanges).toEqual(['203.0.113.0/24']);
      expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { client, headers: from('203.0.113.9') })).status).toBe(200);
      expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { client, headers: from('10.20.30.40') })).status).toBe(401);
    });

    it('refuses a malformed range with a message at the field', async () => {
      const answer = await admin.request<{ errors: Record<string, string> }>('PUT', `/admin/api/oauth-applications/${client.id}`, { allowedIpRanges: ['10.0.0.0/99'] }, {});
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual({ allowedIpRanges: 'IP range 1 needs a prefix length from 0 to 32.' });
    });
  });

  describe('failed authentications', () => {
    it('are counted in a row and reset by a success', async () => {
      const client = await createClient(admin, { name: 'Counted', grants: ['client_credentials'], userId: botId });
      for (let i = 0; i < 2; i++) expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { client: wrongSecret(client) })).status).toBe(401);
      expect((await application(client)).failedAuthentications).toBe(2);
      expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { client })).status).toBe(200);
      expect(await application(client)).toMatchObject({ failedAuthentications: 0, lockedUntil: null });
    });

    it('count wrong secrets only: a deactivated application presenting its own secret is not guessing', async () => {
      const client = await createClient(admin, { name: 'Paused', grants: ['client_credentials'], userId: botId });
      await admin.post(`/admin/api/oauth-applications/${client.id}/deactivate`);
      for (let i = 0; i < 3; i++) expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { client })).status).toBe(401);
      expect(await application(client)).toMatchObject({ failedAuthentications: 0, lockedUntil: null });
    });

    it('lock the application at the limit, even against the right secret, until an admin unlocks it', async () => {
      const client = await createClient(admin, { name: 'Locked', grants: ['client_credentials'], userId: botId });
      for (let i = 0; i < 3; i++) await token(t.baseUrl, { grant_type: 'client_credentials' }, { client: wrongSecret(client) });
      const locked = await application(client);
      expect(locked.failedAuthentications).toBe(3);
      expect(new Date(locked.lockedUntil ?? 0).getTime()).toBeGreaterThan(Date.now() + 590_000);
      expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { client })).status).toBe(401);

      const unlocked = await admin.post<OAuthApplicationDto>(`/admin/api/oauth-applications/${client.id}/unlock`);
      expect(unlocked.status).toBe(200);
      expect(unlocked.body).toMatchObject({ failedAuthentications: 0, lockedUntil: null });
      expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { client })).status).toBe(200);
    });

    it('unlock by themselves once the lock time has passed', async () => {
      const client = await createClient(admin, { name: 'Waits', grants: ['client_credentials'], userId: botId });
      for (let i = 0; i < 3; i++) await token(t.baseUrl, { grant_type: 'client_credentials' }, { client: wrongSecret(client) });
      await t.dataSource.query('UPDATE oauth_applications SET lockedUntil = ? WHERE id = ?', [sqlDatetime(new Date(Date.now() - 1000)), client.id]);
      expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { client })).status).toBe(200);
    });

    it('are all counted when they come at once (one atomic increment each); 0 turns the lock off', async () => {
      const unlimited = await startTestApp({ CLIENT_AUTH_MAX_FAILURES: '0' });
      try {
        const owner = await unlimited.signedIn();
        const client = await createClient(owner, { name: 'Burst', grants: ['client_credentials'], userId: 1 });
        await Promise.all(Array.from({ length: 12 }, () => token(unlimited.baseUrl, { grant_type: 'client_credentials' }, { client: wrongSecret(client) })));
        const burst = (await owner.get<OAuthApplicationDto>(`/admin/api/oauth-applications/${client.id}`)).body;
        expect(burst).toMatchObject({ failedAuthentications: 12, lockedUntil: null });
        expect((await token(unlimited.baseUrl, { grant_type: 'client_credentials' }, { client })).status).toBe(200);
      } finally {
        await unlimited.close();
      }
    });

    it('unlocking needs oauth_applications.edit', async () => {
      const client = await createClient(admin, { name: 'Guarded', grants: ['client_credentials'], userId: botId });
      await createUser(t.dataSource, { username: 'reader', password: 'reader-password', organizations: [{ id: 1 }], roles: [] });
      const reader = await t.signedIn('reader', 'reader-password');
      expect((await reader.post(`/admin/api/oauth-applications/${client.id}/unlock`)).status).toBe(403);
    });
  });
});
