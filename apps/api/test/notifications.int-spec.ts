import type { CreatedOAuthApplicationDto } from '@keyhouse/shared-contracts';
import { MAX_ATTEMPTS, OutboxEmail, OutboxWorker } from '@keyhouse/api-notifications';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshDatabase } from './support/databases';
import { HttpClient } from './support/http-client';
import { startServer } from './support/server-process';
import { createCustomerUser, createUser } from './support/fixtures';
import { startSmtp, type TestSmtp } from './support/smtp';
import { startTestApp, type TestApp } from './support/test-app';

/** Quoted-printable soft breaks and escapes removed, so assertions read the text. */
const text = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('email notifications', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let ownerId: number;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'keyhouse@example.com' });
    ownerId = (await createUser(t.dataSource, { username: 'owner', firstName: 'Olga', lastName: 'Owner', organizations: [{ id: 1 }] })).id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  /** Drains, then waits for the SMTP server: the app's own poller may be the one sending. */
  const delivered = async (count: number) => {
    await t.app.get(OutboxWorker).drain();
    for (let i = 0; i < 150 && smtp.received.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    // A little longer, so a duplicate would have arrived too.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return smtp.received.length;
  };
  const create = async (body: Record<string, unknown>) =>
    (await (await t.signedIn()).post<CreatedOAuthApplicationDto>('/admin/api/oauth-applications', body)).body;

  it('creating an application mails its owner once: name and client id, never the secret', async () => {
    const app = await create({ name: 'Nightly <Export>', grants: ['client_credentials'], userId: ownerId });
    expect(await delivered(1)).toBe(1);
    const [mail] = smtp.received;
    expect(mail.to).toEqual(['owner@example.com']);
    const body = text(mail.raw);
    expect(body).toMatch(/^Subject: OAuth application added to your account/m);
    expect(body).toContain('Nightly &lt;Export&gt;');
    expect(body).toContain(app.clientId);
    expect(body).toContain('Olga Owner');
    expect(body).not.toContain(app.clientSecret);
    const [stored] = await t.dataSource.getRepository(OutboxEmail).find({ order: { id: 'DESC' }, take: 1 });
    expect(stored).toEqual(expect.objectContaining({ status: 'sent', attempts: 1, recipient: 'owner@example.com' }));
    expect(JSON.stringify(stored)).not.toContain(app.clientSecret);
  });

  it('writes the mail in the transaction of the change: no application, no mail', async () => {
    const before = await t.dataSource.getRepository(OutboxEmail).count();
    const admin = await t.signedIn();
    expect((await admin.post('/admin/api/oauth-applications', { name: 'Nightly <Export>', grants: ['client_credentials'], userId: ownerId })).status).toBe(400);
    expect(await t.dataSource.getRepository(OutboxEmail).count()).toBe(before);
  });

  it('tells the owner of a storefront application, and of regeneration, deactivation and deletion', async () => {
    const customer = await createCustomerUser(t.dataSource, { email: 'buyer@example.com', organization: { id: 1 }, firstName: 'Bea' });
    const app = await create({ name: 'Shop sync', grants: ['client_credentials'], frontend: true, userId: customer.id });
    const admin = await t.signedIn();
    await admin.post(`/admin/api/oauth-applications/${app.id}/secret`);
    await admin.post(`/admin/api/oauth-applications/${app.id}/deactivate`);
    await admin.delete(`/admin/api/oauth-applications/${app.id}`);
    expect(await delivered(4)).toBe(4);
    expect(smtp.received.map((mail) => mail.to[0])).toEqual(Array(4).fill('buyer@example.com'));
    const subjects = smtp.received.map((mail) => text(mail.raw).match(/^Subject: (.*)$/m)?.[1]);
    // A batch goes out in parallel over pooled connections: mails may arrive in any order.
    expect(subjects.sort()).toEqual(
      [
        'OAuth application added to your account',
        'The client secret of Shop sync was regenerated',
        'OAuth application Shop sync was deactivated',
        'OAuth application Shop sync was deleted',
      ].sort(),
    );
  });

  it('follows the rules: off means no mail; organization admins and fixed addresses are added', async () => {
    await t.dataSource.query(`UPDATE notification_rules SET enabled = 0 WHERE event = 'oauth_application.deactivated'`);
    await t.dataSource.query(
      `UPDATE notification_rules SET notifyOrganizationAdmins = 1, extraRecipients = '["security@example.com"]' WHERE event = 'oauth_application.created'`,
    );
    try {
      const app = await create({ name: 'Ruled', grants: ['client_credentials'], userId: ownerId });
      await (await t.signedIn()).post(`/admin/api/oauth-applications/${app.id}/deactivate`);
      expect(await delivered(3)).toBe(3);
      expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual(['admin@example.com', 'owner@example.com', 'security@example.com']);
    } finally {
      await t.dataSource.query(`UPDATE notification_rules SET enabled = 1, notifyOrganizationAdmins = 0, extraRecipients = '[]'`);
    }
  });

  it('survives SMTP being down: the mail waits, then goes out exactly once', async () => {
    await smtp.stop();
    try {
      await create({ name: 'While down', grants: ['client_credentials'], userId: ownerId });
      await t.app.get(OutboxWorker).drain();
      const [waiting] = await t.dataSource.getRepository(OutboxEmail).find({ order: { id: 'DESC' }, take: 1 });
      expect(waiting).toEqual(expect.objectContaining({ status: 'pending', attempts: 1, lastError: expect.any(String) }));
      expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    } finally {
      await smtp.start();
    }
    // The backoff has not run out yet: nothing is sent early.
    expect(await delivered(0)).toBe(0);
    await t.dataSource.query(`UPDATE notification_outbox SET nextAttemptAt = ? WHERE status = 'pending'`, ['2000-01-01 00:00:00']);
    expect(await delivered(1)).toBe(1);
  });
});

describe('a mail that cannot be delivered', () => {
  it('is marked failed after the last try, with the error kept', async () => {
    const smtp = await startSmtp();
    const t = await startTestApp({ SMTP_URL: smtp.url });
    await smtp.stop();
    try {
      await (await t.signedIn()).post('/admin/api/oauth-applications', { name: 'Doomed mail', grants: ['client_credentials'], userId: 1 });
      // One try short of the limit, and due now.
      await t.dataSource.query(`UPDATE notification_outbox SET attempts = ${MAX_ATTEMPTS - 1}, nextAttemptAt = ?`, ['2000-01-01 00:00:00']);
      await t.app.get(OutboxWorker).drain();
      const [mail] = await t.dataSource.getRepository(OutboxEmail).find();
      expect(mail).toEqual(expect.objectContaining({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) }));
    } finally {
      await t.close();
    }
  });
});

describe('the outbox with several workers', () => {
  it('two instances on one database send each of 1,000 mails exactly once', async () => {
    const smtp = await startSmtp();
    const database = await freshDatabase();
    const [a, b] = [await startTestApp({ SMTP_URL: smtp.url }, { database }), await startTestApp({ SMTP_URL: smtp.url }, { database })];
    try {
      const rows = Array.from({ length: 1000 }, (_, i) => ({
        event: 'test',
        recipient: `r${i}@example.com`,
        subject: `Mail ${i}`,
        html: '<p>hi</p>',
        status: 'pending' as const,
        attempts: 0,
        lastError: null,
        nextAttemptAt: new Date(Date.now() - 1000),
        lockedUntil: null,
        sentAt: null,
      }));
      for (let i = 0; i < rows.length; i += 200) await a.dataSource.getRepository(OutboxEmail).insert(rows.slice(i, i + 200));
      // Four drainers compete: each app's background poller and an explicit drain on each.
      await Promise.all([a.app.get(OutboxWorker).drain(), b.app.get(OutboxWorker).drain()]);
      for (let i = 0; i < 100 && (await a.dataSource.getRepository(OutboxEmail).countBy({ status: 'sent' })) < 1000; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const recipients = smtp.received.map((mail) => mail.to[0]);
      expect(recipients).toHaveLength(1000);
      expect(new Set(recipients).size).toBe(1000);
      expect(await a.dataSource.getRepository(OutboxEmail).countBy({ status: 'sent' })).toBe(1000);
    } finally {
      await a.close();
      await b.close();
      await database.drop();
      await smtp.stop();
    }
  });

  it('keeps mail in the outbox while SMTP_URL is unset', async () => {
    const t = await startTestApp();
    try {
      await (await t.signedIn()).post('/admin/api/oauth-applications', { name: 'No SMTP', grants: ['client_credentials'], userId: 1 });
      expect(await t.app.get(OutboxWorker).drain()).toBe(0);
      expect(await t.dataSource.getRepository(OutboxEmail).find()).toEqual([expect.objectContaining({ status: 'pending', attempts: 0 })]);
    } finally {
      await t.close();
    }
  });
});

describe('a crash between the commit and the send', () => {
  it('only delays the mail: it goes out after the restart', async () => {
    const database = await freshDatabase();
    const keys = mkdtempSync(join(tmpdir(), 'keyhouse-crash-'));
    const env = {
      DATABASE_URL: database.url,
      ADMIN_PASSWORD: 'crash-admin-password',
      OAUTH_PRIVATE_KEY_PATH: join(keys, 'private.pem'),
      OAUTH_PUBLIC_KEY_PATH: join(keys, 'public.pem'),
      OAUTH_GENERATE_KEYS: 'true',
    };
    const smtp = await startSmtp();
    // No SMTP yet: the change commits with its mail, and nothing sends it before the crash.
    const before = startServer(env);
    try {
      await before.waitUntilReady();
      const admin = new HttpClient(before.baseUrl);
      await admin.signIn('admin', 'crash-admin-password');
      expect((await admin.post('/admin/api/oauth-applications', { name: 'Crash Test', grants: ['client_credentials'], userId: 1 })).status).toBe(201);
      before.child.kill('SIGKILL');
      await before.exited;
      expect(smtp.received).toHaveLength(0);

      const after = startServer({ ...env, SMTP_URL: smtp.url });
      try {
        await after.waitUntilReady();
        for (let i = 0; i < 50 && smtp.received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 200));
        expect(smtp.received.map((mail) => mail.to[0])).toEqual(['admin@example.com']);
        expect(text(smtp.received[0].raw)).toContain('Crash Test');
      } finally {
        await after.stop();
      }
    } finally {
      await database.drop();
      await smtp.stop();
    }
  });
});

describe('the recipient\'s language', () => {
  it('picks the template of the owner\'s locale, and English for everyone else', async () => {
    const smtp = await startSmtp();
    const t = await startTestApp({ SMTP_URL: smtp.url });
    try {
      const owner = await createUser(t.dataSource, { username: 'hans', firstName: 'Hans', organizations: [{ id: 1 }] });
      await t.dataSource.query(`UPDATE users SET locale = 'de' WHERE id = ?`, [owner.id]);
      await t.dataSource.query(`UPDATE notification_rules SET extraRecipients = '["ops@example.com"]' WHERE event = 'oauth_application.created'`);
      const admin = await t.signedIn();
      const added = await admin.post('/admin/api/email-templates', {
        event: 'oauth_application.created',
        audience: 'back_office',
        locale: 'de',
        subject: 'OAuth-Anwendung {{ applicationName }} hinzugefügt',
        body: '<p>Hallo {{ ownerName }}</p>',
      });
      expect(added.status).toBe(201);
      const again = await admin.post('/admin/api/email-templates', { event: 'oauth_application.created', audience: 'back_office', locale: 'de', subject: 'x', body: 'y' });
      expect(again.body).toEqual(expect.objectContaining({ errors: { locale: 'This event already has a de template for this recipient.' } }));

      await admin.post('/admin/api/oauth-applications', { name: 'Sprache', grants: ['client_credentials'], userId: owner.id });
      await t.app.get(OutboxWorker).drain();
      for (let i = 0; i < 50 && smtp.received.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      const subjectTo = (address: string) => text(smtp.received.find((mail) => mail.to[0] === address)?.raw ?? '').match(/^Subject: (.*)$/m)?.[1];
      expect(subjectTo('hans@example.com')).toMatch(/^=\?UTF-8\?|^OAuth-Anwendung Sprache/);
      expect(text(smtp.received.find((mail) => mail.to[0] === 'hans@example.com')?.raw ?? '')).toContain('Hallo Hans');
      expect(subjectTo('ops@example.com')).toBe('OAuth application added to your account');
    } finally {
      await t.close();
      await smtp.stop();
    }
  });
});
