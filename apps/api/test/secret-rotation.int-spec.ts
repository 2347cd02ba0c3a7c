import { createHash } from 'node:crypto';
import type { ClientSecretDto, CreatedClientSecretDto } from '@keyhouse/shared-contracts';
import { ClientSecret, SecretExpiryWatcher } from '@keyhouse/api-applications';
import type { Organization } from '@keyhouse/api-identity';
import { OutboxEmail } from '@keyhouse/api-notifications';
import { openDatabase, parseDatabaseUrl } from '@keyhouse/api-persistence';
import type { DataSource } from 'typeorm';
import { ENTITIES } from '../src/entities';
import { freshDatabase, TEST_DIALECT, type TestDatabase } from './support/databases';
import { createOrganization, createRole, createUser } from './support/fixtures';
import type { Answer, HttpClient } from './support/http-client';
import { createClient, token, type Client } from './support/oauth';
import { startServer, type ServerProcess } from './support/server-process';
import { startTestApp, type TestApp } from './support/test-app';

const BASE = '/admin/api/oauth-applications';
const DAY = 86_400_000;
const SECRET = /^[A-Za-z0-9_-]{43}$/;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Answers 200 when the secret gets a client_credentials token, 401 when it is refused. */
const tokenStatus = async (baseUrl: string, clientId: string, clientSecret: string) =>
  (await token(baseUrl, { grant_type: 'client_credentials' }, { client: { id: 0, clientId, clientSecret } })).status;

/** Moves a secret's deadline, as time passing would: the tests never sleep until it comes. */
const setExpiry = (dataSource: DataSource, secretId: number, expiresAt: Date | null) =>
  dataSource.getRepository(ClientSecret).update({ id: secretId }, { expiresAt });

const secretsOf = (admin: HttpClient, applicationId: number) => admin.get<ClientSecretDto[]>(`${BASE}/${applicationId}/secrets`);
const addSecret = (admin: HttpClient, applicationId: number, body: unknown = {}): Promise<Answer<CreatedClientSecretDto>> =>
  admin.post<CreatedClientSecretDto>(`${BASE}/${applicationId}/secrets`, body);

describe(`client secret rotation on ${TEST_DIALECT} (oauth-applications/:id/secrets)`, () => {
  let t: TestApp;
  let admin: HttpClient;
  let ownerId: number;
  let hidden: Organization;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signedIn();
    ownerId = (await createUser(t.dataSource, { username: 'owner', firstName: 'Olga', lastName: 'Owner', organizations: [{ id: 1 }] })).id;
    hidden = await createOrganization(t.dataSource, 'Hidden');
    await createRole(t.dataSource, 'ROLE_APP_VIEWER', ['oauth_applications.view']);
    await createUser(t.dataSource, { username: 'viewer', password: 'viewer-password', organizations: [{ id: 1 }], roles: ['ROLE_APP_VIEWER'] });
    await createUser(t.dataSource, { username: 'plain', password: 'plain-password', organizations: [{ id: 1 }], roles: ['ROLE_USER'] });
  });
  afterAll(() => t.close());

  const machine = (name: string): Promise<Client> => createClient(admin, { name, grants: ['client_credentials'], userId: ownerId });
  const works = (client: Pick<Client, 'clientId'>, secret: string) => tokenStatus(t.baseUrl, client.clientId, secret);
  const secretIds = async (applicationId: number) => (await secretsOf(admin, applicationId)).body.map((secret) => secret.id);

  /** The usage recorder writes "last used" every two seconds: waits for it rather than for a fixed time. */
  async function lastUsed(applicationId: number, until: (secrets: ClientSecretDto[]) => boolean): Promise<ClientSecretDto[]> {
    let secrets: ClientSecretDto[] = [];
    for (let i = 0; i < 200; i++) {
      secrets = (await secretsOf(admin, applicationId)).body;
      if (until(secrets)) return secrets;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`last used never settled: ${JSON.stringify(secrets)}`);
  }

  describe('a rotation', () => {
    it('adds a second live secret, shown once, and gives the current one seven days by default', async () => {
      const client = await machine('Rotating');
      const [oldId] = await secretIds(client.id);
      const before = Date.now();
      const added = await addSecret(admin, client.id);

      expect(added.status).toBe(201);
      expect(added.headers.get('cache-control')).toBe('no-store');
      expect(added.body).toEqual({
        id: expect.any(Number),
        createdAt: expect.any(String),
        expiresAt: null,
        lastUsedAt: null,
        clientId: client.clientId,
        clientSecret: expect.stringMatching(SECRET),
      });
      const listed = (await secretsOf(admin, client.id)).body;
      expect(listed.map((secret) => secret.id)).toEqual([added.body.id, oldId]);
      const oldExpiry = Date.parse(listed[1].expiresAt ?? '');
      // Seven days from the request, give or take the second MySQL rounds a datetime to.
      expect(oldExpiry).toBeGreaterThanOrEqual(before + 7 * DAY - 1000);
      expect(oldExpiry).toBeLessThanOrEqual(Date.now() + 7 * DAY + 1000);
    });

    it('lets both secrets get tokens until the deadline, then only the new one, refused like a wrong secret', async () => {
      const client = await machine('Overlap');
      const [oldId] = await secretIds(client.id);
      const { body: added } = await addSecret(admin, client.id, { previousExpiresAt: new Date(Date.now() + DAY).toISOString() });

      expect(await works(client, client.clientSecret)).toBe(200);
      expect(await works(client, added.clientSecret)).toBe(200);

      await setExpiry(t.dataSource, oldId, new Date(Date.now() - 60_000));
      const expired = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client });
      const wrong = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client: { ...client, clientSecret: 'not-the-secret' } });
      expect(expired.status).toBe(401);
      expect(expired.body).toEqual(wrong.body);
      expect(expired.body['error']).toBe('invalid_client');
      expect(await works(client, added.clientSecret)).toBe(200);
    });

    it('records "last used" per secret', async () => {
      const client = await machine('Usage per secret');
      const [oldId] = await secretIds(client.id);
      const { body: added } = await addSecret(admin, client.id);

      expect(await works(client, client.clientSecret)).toBe(200);
      const afterOld = await lastUsed(client.id, (secrets) => secrets.some((secret) => secret.id === oldId && secret.lastUsedAt));
      const oldUsedAt = afterOld.find((secret) => secret.id === oldId)?.lastUsedAt;
      expect(afterOld.find((secret) => secret.id === added.id)?.lastUsedAt).toBeNull();

      expect(await works(client, added.clientSecret)).toBe(200);
      const afterNew = await lastUsed(client.id, (secrets) => secrets.some((secret) => secret.id === added.id && secret.lastUsedAt));
      expect(afterNew.find((secret) => secret.id === oldId)?.lastUsedAt).toBe(oldUsedAt);
    });

    it('revokes the current secrets at once when their deadline is now or past', async () => {
      for (const previousExpiresAt of [new Date().toISOString(), '2000-01-01T00:00:00Z']) {
        const client = await machine(`Revoke now ${previousExpiresAt}`);
        const [oldId] = await secretIds(client.id);
        const { status, body: added } = await addSecret(admin, client.id, { previousExpiresAt });
        expect(status).toBe(201);

        expect(await works(client, client.clientSecret)).toBe(401);
        expect(await works(client, added.clientSecret)).toBe(200);
        const old = (await secretsOf(admin, client.id)).body.find((secret) => secret.id === oldId);
        // Recorded as the moment of the rotation, not the year 2000: the list says when it stopped.
        expect(Date.parse(old?.expiresAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
        expect(Date.parse(old?.expiresAt ?? '')).toBeLessThanOrEqual(Date.now());
      }
    });

    it('leaves a secret that already expires sooner than the deadline alone', async () => {
      const client = await machine('Sooner');
      const [oldId] = await secretIds(client.id);
      const soon = new Date(Math.floor((Date.now() + DAY) / 1000) * 1000);
      await setExpiry(t.dataSource, oldId, soon);
      await addSecret(admin, client.id, { previousExpiresAt: new Date(Date.now() + 3 * DAY).toISOString() });
      const old = (await secretsOf(admin, client.id)).body.find((secret) => secret.id === oldId);
      expect(old?.expiresAt).toBe(soon.toISOString());
    });

    it('creates a secret with an expiry, refused once it has passed', async () => {
      const client = await machine('Expiring');
      const expiresAt = new Date(Math.floor((Date.now() + 30 * DAY) / 1000) * 1000).toISOString();
      const { status, body: added } = await addSecret(admin, client.id, { expiresAt, previousExpiresAt: new Date().toISOString() });
      expect(status).toBe(201);
      expect(added.expiresAt).toBe(expiresAt);
      expect(await works(client, added.clientSecret)).toBe(200);

      await setExpiry(t.dataSource, added.id, new Date(Date.now() - 60_000));
      expect(await works(client, added.clientSecret)).toBe(401);
    });

    it('keeps regeneration as it was: every secret replaced by one, at once', async () => {
      const client = await machine('Regenerated');
      const { body: added } = await addSecret(admin, client.id);
      const regenerated = await admin.post<{ clientSecret: string }>(`${BASE}/${client.id}/secret`);
      expect(regenerated.status).toBe(200);
      expect(await secretIds(client.id)).toHaveLength(1);
      expect(await works(client, client.clientSecret)).toBe(401);
      expect(await works(client, added.clientSecret)).toBe(401);
      expect(await works(client, regenerated.body.clientSecret)).toBe(200);
    });
  });

  describe('revoking one secret', () => {
    it('stops it at once and leaves the others working', async () => {
      const client = await machine('Revoke one');
      const [oldId] = await secretIds(client.id);
      const { body: added } = await addSecret(admin, client.id);

      const revoked = await admin.delete<ClientSecretDto>(`${BASE}/${client.id}/secrets/${oldId}`);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toEqual(expect.objectContaining({ id: oldId }));
      expect(await works(client, client.clientSecret)).toBe(401);
      expect(await works(client, added.clientSecret)).toBe(200);
      expect(await secretIds(client.id)).toEqual([added.id]);
      expect((await admin.delete(`${BASE}/${client.id}/secrets/${oldId}`)).status).toBe(404);
    });

    it('may revoke the last live secret: the application then gets no token until one is added', async () => {
      const client = await machine('Last one');
      const [onlyId] = await secretIds(client.id);
      expect((await admin.delete(`${BASE}/${client.id}/secrets/${onlyId}`)).status).toBe(200);
      expect(await works(client, client.clientSecret)).toBe(401);
      expect((await secretsOf(admin, client.id)).body).toEqual([]);

      const { status, body: added } = await addSecret(admin, client.id);
      expect(status).toBe(201);
      expect(await works(client, added.clientSecret)).toBe(200);
    });

    it('finds only the secrets of the application in the path', async () => {
      const mine = await machine('Mine');
      const theirs = await machine('Theirs');
      const [theirSecret] = await secretIds(theirs.id);
      const answer = await admin.delete(`${BASE}/${mine.id}/secrets/${theirSecret}`);
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ message: `Client secret ${theirSecret} not found.` });
      expect(await works(theirs, theirs.clientSecret)).toBe(200);
    });
  });

  describe('validation', () => {
    let client: Client;
    beforeAll(async () => {
      client = await machine('Validated');
    });

    it.each([
      [{ expiresAt: '2000-01-01T00:00:00Z' }, { expiresAt: 'Choose a time in the future.' }],
      [{ expiresAt: 'next week' }, { expiresAt: 'Give an ISO 8601 date and time with a time zone, e.g. 2030-01-31T12:00:00Z.' }],
      [{ expiresAt: '2030-01-31T12:00:00' }, { expiresAt: 'Give an ISO 8601 date and time with a time zone, e.g. 2030-01-31T12:00:00Z.' }],
      [{ previousExpiresAt: 7 }, { previousExpiresAt: expect.stringContaining('ISO 8601') }],
      [
        { expiresAt: new Date(Date.now() + DAY).toISOString(), previousExpiresAt: new Date(Date.now() + 2 * DAY).toISOString() },
        { previousExpiresAt: 'The current secrets cannot outlive the new one: choose a time before it expires.' },
      ],
      [{ clientSecret: 'my-own-secret' }, { clientSecret: 'Unknown field "clientSecret".' }],
    ])('refuses %j with 400 at the field, changing nothing', async (body, errors) => {
      const before = await secretsOf(admin, client.id);
      const answer = await addSecret(admin, client.id, body);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ message: 'Some fields are not valid.', errors });
      expect(await secretsOf(admin, client.id)).toEqual(expect.objectContaining({ body: before.body }));
    });

    it('refuses a body that is not an object', async () => {
      const answer = await addSecret(admin, client.id, ['2030-01-01T00:00:00Z']);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ message: 'Send the options of the new secret as a JSON object.', errors: {} });
    });

    it('gives a public client no secret', async () => {
      const { id } = await createClient(admin, {
        name: 'Public',
        grants: ['authorization_code'],
        confidential: false,
        redirectUris: ['https://app.example.com/callback'],
      });
      const answer = await addSecret(admin, id);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ message: 'A public client has no secrets.', errors: { confidential: 'A public client has no secret.' } });
      expect((await secretsOf(admin, id)).body).toEqual([]);
    });

    it('keeps at most five live secrets: a sixth is refused with 409 unless the others go now', async () => {
      const crowded = await machine('Crowded');
      const later = { previousExpiresAt: new Date(Date.now() + 30 * DAY).toISOString() };
      for (let i = 0; i < 4; i++) expect((await addSecret(admin, crowded.id, later)).status).toBe(201);
      const sixth = await addSecret(admin, crowded.id, later);
      expect(sixth.status).toBe(409);
      expect(sixth.body).toEqual({
        message: 'An application can have at most 5 live secrets. Revoke one first, or let the current ones expire now.',
        errors: { previousExpiresAt: 'An application can have at most 5 live secrets. Choose now to revoke the current ones.' },
      });
      expect(await secretIds(crowded.id)).toHaveLength(5);

      // Expired secrets do not count.
      const [newest] = await secretIds(crowded.id);
      await setExpiry(t.dataSource, newest, new Date(Date.now() - 60_000));
      expect((await addSecret(admin, crowded.id, later)).status).toBe(201);
      expect((await addSecret(admin, crowded.id, { previousExpiresAt: new Date().toISOString() })).status).toBe(201);
    });

    it('answers 400, not 500, to ids that are not numbers', async () => {
      expect((await admin.get(`${BASE}/abc/secrets`)).status).toBe(400);
      expect((await admin.delete(`${BASE}/${client.id}/secrets/abc`)).status).toBe(400);
    });
  });

  describe('the list', () => {
    it('shows when each secret was created, expires and was last used; never a value or digest', async () => {
      const client = await machine('Listed');
      const { body: added } = await addSecret(admin, client.id);
      const answer = await secretsOf(admin, client.id);
      expect(answer.status).toBe(200);
      for (const secret of answer.body) expect(Object.keys(secret).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt']);
      const text = JSON.stringify(answer.body);
      for (const value of [client.clientSecret, added.clientSecret]) {
        expect(text).not.toContain(value);
        expect(text).not.toContain(sha256(value));
      }
    });
  });

  describe('permissions and organizations', () => {
    it('needs oauth_applications.view to list and oauth_applications.edit to add or revoke', async () => {
      const client = await machine('Guarded secrets');
      const [secretId] = await secretIds(client.id);
      const viewer = await t.signedIn('viewer', 'viewer-password');
      expect((await secretsOf(viewer, client.id)).status).toBe(200);
      for (const answer of [await addSecret(viewer, client.id), await viewer.delete(`${BASE}/${client.id}/secrets/${secretId}`)]) {
        expect(answer.status).toBe(403);
        expect(answer.body).toEqual({ message: expect.stringContaining('oauth_applications.edit') });
      }
      const plain = await t.signedIn('plain', 'plain-password');
      expect((await secretsOf(plain, client.id)).status).toBe(403);
      expect(await secretIds(client.id)).toEqual([secretId]);
    });

    it('keeps other organizations\' applications invisible', async () => {
      const stranger = (await createUser(t.dataSource, { username: 'stranger', password: 'stranger-password', organizations: [hidden] })).id;
      const strangerAdmin = await t.signedIn('stranger', 'stranger-password');
      const foreign = await createClient(strangerAdmin, { name: 'Foreign', grants: ['client_credentials'], userId: stranger });
      const home = await createClient(admin, { name: 'Home only', grants: ['client_credentials'], userId: ownerId });
      const [homeSecret] = (await secretsOf(admin, home.id)).body.map((secret) => secret.id);
      expect((await secretsOf(strangerAdmin, home.id)).status).toBe(404);
      expect((await addSecret(strangerAdmin, home.id)).status).toBe(404);
      expect((await strangerAdmin.delete(`${BASE}/${home.id}/secrets/${homeSecret}`)).status).toBe(404);
      expect(await secretIds(home.id)).toEqual([homeSecret]);
      // A platform operator manages every organization's.
      expect((await secretsOf(admin, foreign.id)).body).toHaveLength(1);
    });
  });

  describe('email', () => {
    const mailsOf = (event: string, organizationId = 1) =>
      t.dataSource.getRepository(OutboxEmail).find({ where: { event, organizationId }, order: { id: 'ASC' } });

    it('tells the owner of a rotation and its deadline, in the transaction, never the secret', async () => {
      const client = await machine('Mailed rotation');
      const deadline = new Date(Math.floor((Date.now() + 3 * DAY) / 1000) * 1000);
      const before = (await mailsOf('oauth_application.secret_added')).length;
      const { body: added } = await addSecret(admin, client.id, { previousExpiresAt: deadline.toISOString() });

      const mails = (await mailsOf('oauth_application.secret_added')).slice(before);
      expect(mails).toEqual([expect.objectContaining({ recipient: 'owner@example.com', subject: 'A new client secret was added to Mailed rotation' })]);
      expect(mails[0].html).toContain('Olga Owner');
      expect(mails[0].html).toContain(client.clientId);
      expect(mails[0].html).toContain(`keep working until ${deadline.toUTCString()}`);
      expect(mails[0].html).toContain('It expires: never.');
      for (const value of [client.clientSecret, added.clientSecret]) {
        expect(JSON.stringify(mails)).not.toContain(value);
        expect(JSON.stringify(mails)).not.toContain(sha256(value));
      }

      // A refused rotation rolls back and mails no one.
      expect((await addSecret(admin, client.id, { expiresAt: 'soon' })).status).toBe(400);
      expect(await mailsOf('oauth_application.secret_added')).toHaveLength(before + 1);
    });

    it('tells the owner when a live secret is revoked, not when an expired one is removed', async () => {
      const client = await machine('Mailed revocation');
      const [oldId] = await secretIds(client.id);
      const { body: added } = await addSecret(admin, client.id);
      const before = (await mailsOf('oauth_application.secret_revoked')).length;

      await admin.delete(`${BASE}/${client.id}/secrets/${oldId}`);
      const mails = (await mailsOf('oauth_application.secret_revoked')).slice(before);
      expect(mails).toEqual([expect.objectContaining({ recipient: 'owner@example.com', subject: 'A client secret of Mailed revocation was revoked' })]);
      expect(JSON.stringify(mails)).not.toContain(client.clientSecret);

      await setExpiry(t.dataSource, added.id, new Date(Date.now() - 60_000));
      await admin.delete(`${BASE}/${client.id}/secrets/${added.id}`);
      expect(await mailsOf('oauth_application.secret_revoked')).toHaveLength(before + 1);
    });
  });
});

describe(`the expiry warning on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  let admin: HttpClient;
  let ownerId: number;

  beforeAll(async () => {
    // Ten days instead of the default seven: the variable is what decides.
    t = await startTestApp({ SECRET_EXPIRY_WARNING_DAYS: '10' });
    admin = await t.signedIn();
    ownerId = (await createUser(t.dataSource, { username: 'owner', firstName: 'Olga', organizations: [{ id: 1 }] })).id;
  });
  afterAll(() => t.close());

  const warnings = () => t.dataSource.getRepository(OutboxEmail).findBy({ event: 'oauth_application.secret_expiring' });
  const warnDue = () => t.app.get(SecretExpiryWatcher).warnDue();

  it('queues one warning for a secret entering its last days, then never again', async () => {
    const due = await expiringIn(admin, ownerId, 'Expiring soon', 9);
    await expiringIn(admin, ownerId, 'Expiring later', 11);

    expect(await warnDue()).toBe(1);
    const mails = await warnings();
    expect(mails).toEqual([
      expect.objectContaining({ recipient: 'owner@example.com', subject: 'A client secret of Expiring soon expires soon', organizationId: 1 }),
    ]);
    expect(mails[0].html).toContain(`stops working at ${due.expiresAt.toUTCString()}`);
    const [marked] = await t.dataSource.getRepository(ClientSecret).findBy({ id: due.secretId });
    expect(marked.expiryWarnedAt).not.toBeNull();

    expect(await warnDue()).toBe(0);
    expect(await warnings()).toHaveLength(1);
  });

  it('sends no separate warning for secrets whose deadline the rotation email already gave', async () => {
    const client = await createClient(admin, { name: 'Rotated soon', grants: ['client_credentials'], userId: ownerId });
    const [{ id: oldId }] = (await secretsOf(admin, client.id)).body;
    await addSecret(admin, client.id, { previousExpiresAt: new Date(Date.now() + 2 * DAY).toISOString() });
    const before = (await warnings()).length;

    expect(await warnDue()).toBe(0);
    expect(await warnings()).toHaveLength(before);
    const [old] = await t.dataSource.getRepository(ClientSecret).findBy({ id: oldId });
    expect(old.expiryWarnedAt).not.toBeNull();
  });

  it('does not warn of a secret that has already expired', async () => {
    const { secretId } = await expiringIn(admin, ownerId, 'Already gone', 5);
    await setExpiry(t.dataSource, secretId, new Date(Date.now() - 60_000));
    expect(await warnDue()).toBe(0);
  });
});

describe(`the expiry warning with two API processes on one ${TEST_DIALECT} database`, () => {
  let database: TestDatabase;
  let servers: ServerProcess[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.drop();
  });

  it('is queued exactly once when both check at the same time', async () => {
    database = await freshDatabase();
    const { expiresAt } = await seedExpiringSecret(database);

    // Both check on start, together: the conditional UPDATE lets one of them queue the mail.
    const env = { DATABASE_URL: database.url, SECRET_EXPIRY_WARNING_DAYS: '7' };
    servers = [startServer(env), startServer(env)];
    await Promise.all(servers.map((server) => server.waitUntilReady()));

    const dataSource = await openDatabase(parseDatabaseUrl(database.url), ENTITIES);
    try {
      const warnings = () => dataSource.getRepository(OutboxEmail).findBy({ event: 'oauth_application.secret_expiring' });
      for (let i = 0; i < 100 && (await warnings()).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
      // A little longer, so a second one would have been queued too.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const mails = await warnings();
      expect(mails).toEqual([expect.objectContaining({ recipient: 'owner@example.com', subject: 'A client secret of Shared expires soon' })]);
      expect(mails[0].html).toContain(expiresAt.toUTCString());
    } finally {
      await dataSource.destroy();
    }
    expect(servers.map((server) => server.stdout()).join('').match(/queued the expiry warning of 1 client secret/g)).toHaveLength(1);
  });
});

/** A database holding one secret that expires in three days, prepared by an instance that never warns. */
async function seedExpiringSecret(database: TestDatabase): Promise<{ expiresAt: Date }> {
  const seed = await startTestApp({ SECRET_EXPIRY_WARNING_DAYS: '0' }, { database });
  try {
    const ownerId = (await createUser(seed.dataSource, { username: 'owner', organizations: [{ id: 1 }] })).id;
    return await expiringIn(await seed.signedIn(), ownerId, 'Shared', 3);
  } finally {
    await seed.close();
  }
}

/** An application whose only live secret expires `days` from now (to the second, as MySQL keeps it). */
async function expiringIn(admin: HttpClient, ownerId: number, name: string, days: number): Promise<{ secretId: number; expiresAt: Date }> {
  const client = await createClient(admin, { name, grants: ['client_credentials'], userId: ownerId });
  const expiresAt = new Date(Math.floor((Date.now() + days * DAY) / 1000) * 1000);
  const { body } = await addSecret(admin, client.id, { expiresAt: expiresAt.toISOString(), previousExpiresAt: new Date().toISOString() });
  return { secretId: body.id, expiresAt };
}
