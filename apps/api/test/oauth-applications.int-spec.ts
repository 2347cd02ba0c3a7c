import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientCredentialsDto, CreatedOAuthApplicationDto, OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { KEYS_MISSING_MESSAGE } from '@keyhouse/shared-contracts';
import { ClientSecret } from '@keyhouse/api-applications';
import type { Organization } from '@keyhouse/api-identity';
import { createCustomerUser, createOrganization, createRole, createUser } from './support/fixtures';
import type { Answer, HttpClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';

const BASE = '/admin/api/oauth-applications';
const q = (params: Record<string, unknown>) =>
  '?' + new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, JSON.stringify(v)])).toString();
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('OAuth applications (DESIGN.md section 3, oauth-applications)', () => {
  let t: TestApp;
  /** The first administrator: a platform operator. */
  let admin: HttpClient;
  /** An administrator of the home organization only. */
  let homeAdmin: HttpClient;
  let home: Organization;
  let acme: Organization;
  let hidden: Organization;
  let ann: number;
  let stranger: number;
  let buyer: number;

  beforeAll(async () => {
    t = await startTestApp();
    home = await t.dataSource.getRepository('Organization').findOneByOrFail({ id: 1 }) as Organization;
    acme = await createOrganization(t.dataSource, 'Acme');
    hidden = await createOrganization(t.dataSource, 'Hidden');
    ann = (await createUser(t.dataSource, { username: 'ann', firstName: 'Ann', lastName: 'Smith', organizations: [home] })).id;
    stranger = (await createUser(t.dataSource, { username: 'stranger', organizations: [hidden] })).id;
    buyer = (await createCustomerUser(t.dataSource, { email: 'buyer@home.test', organization: home, firstName: 'Bea' })).id;
    await createRole(t.dataSource, 'ROLE_APP_VIEWER', ['oauth_applications.view']);
    await createUser(t.dataSource, { username: 'viewer', password: 'viewer-password', organizations: [home], roles: ['ROLE_APP_VIEWER'] });
    await createUser(t.dataSource, { username: 'plain', password: 'plain-password', organizations: [home], roles: ['ROLE_USER'] });
    await createUser(t.dataSource, { username: 'home.admin', password: 'home-admin-password', organizations: [home] });
    await createUser(t.dataSource, { username: 'two.orgs', password: 'two-orgs-password', organizations: [home, acme] });
    admin = await t.signedIn();
    homeAdmin = await t.signedIn('home.admin', 'home-admin-password');
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>, client = admin) =>
    client.post<CreatedOAuthApplicationDto>(BASE, { organizationId: home.id, ...body });

  describe('create', () => {
    it('answers 201 with the secret, once, never cached', async () => {
      const answer = await create({ name: 'ERP Sync', grants: ['client_credentials'], userId: ann, scopes: ['orders:read'] });
      expect(answer.status).toBe(201);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.body).toEqual(
        expect.objectContaining({
          name: 'ERP Sync',
          slug: 'erp-sync',
          organizationId: home.id,
          active: true,
          grants: ['client_credentials'],
          frontend: false,
          userId: ann,
          owner: { id: ann, name: 'Ann Smith', email: 'ann@example.com' },
          confidential: true,
          scopes: ['orders:read'],
          accessTokenTtl: null,
          lastUsedAt: null,
          createdBy: 1,
          clientId: expect.stringMatching(/^[0-9a-f]{32}$/),
          clientSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        }),
      );
    });

    it('stores only the SHA-256 digest of the secret, as its own record', async () => {
      const { body } = await create({ name: 'Hash Check', grants: ['client_credentials'], userId: ann });
      const secrets = await t.dataSource
        .getRepository(ClientSecret)
        .createQueryBuilder('secret')
        .addSelect('secret.digest')
        .where('secret.applicationId = :id', { id: body.id })
        .getMany();
      expect(secrets).toEqual([expect.objectContaining({ digest: sha256(body.clientSecret ?? ''), expiresAt: null, lastUsedAt: null })]);
      const dump = JSON.stringify(await t.dataSource.query('SELECT * FROM oauth_applications'));
      expect(dump).not.toContain(body.clientSecret);
    });

    it('never shows the secret or its digest again: not in lists, not in the show answer', async () => {
      const { body } = await create({ name: 'Never Again', grants: ['client_credentials'], userId: ann });
      const [secret] = await t.dataSource.query('SELECT digest FROM oauth_client_secrets WHERE applicationId = ?', [body.id]);
      for (const answer of [await admin.get(`${BASE}/${body.id}`), await admin.get(`${BASE}${q({ range: [0, 999] })}`)]) {
        const text = JSON.stringify(answer.body);
        expect(text).not.toContain(body.clientSecret);
        expect(text).not.toContain(secret.digest);
        // client_secret_basic names how it authenticates (tokenEndpointAuthMethod): a word, not a secret.
        expect(text.replace(/"client_secret_basic"/g, '""')).not.toMatch(/secret|digest/i);
      }
    });

    it('makes a public client without a secret', async () => {
      const answer = await create({ name: 'Mobile', grants: ['authorization_code'], confidential: false, redirectUris: ['http://127.0.0.1:7777/cb'] });
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual(expect.objectContaining({ confidential: false, clientSecret: null, userId: null, owner: null }));
    });

    it('makes a storefront application acting as a customer user', async () => {
      const answer = await create({ name: 'Storefront App', grants: ['client_credentials', 'password'], frontend: true, userId: buyer });
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual(expect.objectContaining({ frontend: true, userId: buyer, owner: { id: buyer, name: 'Bea', email: 'buyer@home.test' } }));
    });

    it('keeps names unique within an organization (any letter case), not across organizations', async () => {
      await create({ name: 'Billing', grants: ['password'] });
      const again = await create({ name: 'BILLING', grants: ['password'] });
      expect(again.status).toBe(400);
      expect(again.body).toEqual({ message: 'Some fields are not valid.', errors: { name: 'An application with this name already exists in this organization.' } });

      await t.dataSource.query('INSERT INTO user_organizations (userId, organizationId) VALUES (1, ?)', [acme.id]);
      const elsewhere = await t.signedIn();
      const other = await create({ organizationId: acme.id, name: 'Billing', grants: ['password'] }, elsewhere);
      expect(other.status).toBe(201);
      expect(other.body.slug).toBe('billing-2');
    });

    it('lets exactly one of several simultaneous creations with one name win', async () => {
      const answers = await Promise.all(Array.from({ length: 5 }, () => create({ name: 'Race', grants: ['password'] })));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400, 400, 400]);
    });

    it('refuses an explicit slug already taken', async () => {
      const answer = await create({ name: 'Another ERP', slug: 'erp-sync', grants: ['password'] });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(expect.objectContaining({ errors: { slug: 'This slug is already used by another application.' } }));
    });

    it('requires the owner to belong to the organization, on the right side', async () => {
      const foreign = await create({ name: 'Foreign Owner', grants: ['client_credentials'], userId: stranger });
      expect(foreign.body).toEqual(expect.objectContaining({ errors: { userId: 'Choose a user of this organization.' } }));
      const wrongSide = await create({ name: 'Wrong Side', grants: ['client_credentials'], frontend: true, userId: 424242 });
      expect(wrongSide.body).toEqual(expect.objectContaining({ errors: { userId: 'Choose a customer user of this organization.' } }));
    });

    it('asks which organization when the admin has several, and refuses one they do not belong to', async () => {
      const several = await t.signedIn('two.orgs', 'two-orgs-password');
      const unspecified = await several.post(BASE, { name: 'Where', grants: ['password'] });
      expect(unspecified.body).toEqual(expect.objectContaining({ errors: { organizationId: 'Choose an organization.' } }));
      const foreign = await create({ organizationId: hidden.id, name: 'Where', grants: ['password'] }, homeAdmin);
      expect(foreign.body).toEqual(expect.objectContaining({ errors: { organizationId: 'Choose one of your organizations.' } }));
    });

    it('lets a platform operator create in any organization, member or not', async () => {
      const answer = await create({ organizationId: hidden.id, name: 'Operator Made', grants: ['password'] });
      expect(answer.status).toBe(201);
      expect(answer.body.organizationId).toBe(hidden.id);
    });

    it('refuses unknown fields rather than storing them', async () => {
      const answer = await create({ name: 'Sneaky', grants: ['password'], clientId: 'mine', secret: 'x' });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(expect.objectContaining({ errors: { clientId: 'Unknown field "clientId".', secret: 'Unknown field "secret".' } }));
    });

    it('validates redirect URIs for authorization_code', async () => {
      const answer = await create({ name: 'Web', grants: ['authorization_code'], redirectUris: ['https://app.example.com/cb', 'http://app.example.com/cb'] });
      expect(answer.body).toEqual(expect.objectContaining({ errors: { redirectUris: 'Redirect URI 2 must use https (http only on localhost, 127.0.0.1 or [::1]).' } }));
    });
  });

  describe('update', () => {
    let app: CreatedOAuthApplicationDto;
    beforeAll(async () => {
      app = (await create({ name: 'Editable', grants: ['client_credentials', 'authorization_code'], userId: ann, redirectUris: ['https://a.example/cb'] })).body;
    });

    it('changes the editable fields', async () => {
      const answer = await admin.request<OAuthApplicationDto>('PUT', `${BASE}/${app.id}`, { name: 'Edited', scopes: ['a', 'b'], accessTokenTtl: 600, redirectUris: ['https://b.example/cb'] }, {});
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(expect.objectContaining({ name: 'Edited', scopes: ['a', 'b'], accessTokenTtl: 600, redirectUris: ['https://b.example/cb'], clientId: app.clientId }));
    });

    it('accepts the record echoed back whole, as react-admin sends it', async () => {
      const current = (await admin.get<OAuthApplicationDto>(`${BASE}/${app.id}`)).body;
      const answer = await admin.request<OAuthApplicationDto>('PUT', `${BASE}/${app.id}`, { ...current, name: 'Echoed' }, {});
      expect(answer.status).toBe(200);
      expect(answer.body.name).toBe('Echoed');
    });

    it('refuses a change to a fixed field with a clear message', async () => {
      const answer = await admin.request('PUT', `${BASE}/${app.id}`, { grants: ['password'], userId: buyer }, {});
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        message: 'Some fields are not valid.',
        errors: { grants: 'The grant types cannot be changed after creation.', userId: 'The user cannot be changed after creation.' },
      });
    });

    it('refuses unknown fields and a name taken in the organization', async () => {
      expect((await admin.request('PUT', `${BASE}/${app.id}`, { colour: 'red' }, {})).status).toBe(400);
      const taken = await admin.request('PUT', `${BASE}/${app.id}`, { name: 'erp sync' }, {});
      expect(taken.body).toEqual(expect.objectContaining({ errors: { name: 'An application with this name already exists in this organization.' } }));
    });

    it('keeps a redirect URI while authorization_code needs one', async () => {
      const answer = await admin.request('PUT', `${BASE}/${app.id}`, { redirectUris: [] }, {});
      expect(answer.body).toEqual(expect.objectContaining({ errors: { redirectUris: 'Add at least one redirect URI (required for Authorization Code).' } }));
    });
  });

  describe('activate, deactivate, regenerate, delete', () => {
    it('switches an application off and on', async () => {
      const { body: app } = await create({ name: 'Switch', grants: ['password'] });
      const off = await admin.post<OAuthApplicationDto>(`${BASE}/${app.id}/deactivate`);
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);
      expect((await admin.get<OAuthApplicationDto>(`${BASE}/${app.id}`)).body.active).toBe(false);
      expect((await admin.post<OAuthApplicationDto>(`${BASE}/${app.id}/activate`)).body.active).toBe(true);
    });

    it('regenerates the secret: a new one, shown once, the old digest gone at once', async () => {
      const { body: app } = await create({ name: 'Rotate', grants: ['client_credentials'], userId: ann });
      const answer: Answer<ClientCredentialsDto> = await admin.post(`${BASE}/${app.id}/secret`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.body).toEqual({ clientId: app.clientId, clientSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
      expect(answer.body.clientSecret).not.toBe(app.clientSecret);
      const digests = await t.dataSource.query('SELECT digest FROM oauth_client_secrets WHERE applicationId = ?', [app.id]);
      expect(digests).toEqual([{ digest: sha256(answer.body.clientSecret) }]);
    });

    it('has no secret to regenerate for a public client', async () => {
      const { body: app } = await create({ name: 'Public', grants: ['authorization_code'], confidential: false, redirectUris: ['https://p.example/cb'] });
      const answer = await admin.post(`${BASE}/${app.id}/secret`);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(expect.objectContaining({ message: 'A public client has no secret to regenerate.' }));
    });

    it('deletes the application with its secrets', async () => {
      const { body: app } = await create({ name: 'Doomed', grants: ['client_credentials'], userId: ann });
      const answer = await admin.delete<OAuthApplicationDto>(`${BASE}/${app.id}`);
      expect(answer.status).toBe(200);
      expect(answer.body.id).toBe(app.id);
      expect((await admin.get(`${BASE}/${app.id}`)).status).toBe(404);
      expect(await t.dataSource.query('SELECT id FROM oauth_client_secrets WHERE applicationId = ?', [app.id])).toEqual([]);
    });
  });

  describe('the grid', () => {
    beforeAll(async () => {
      await create({ name: 'Grid Alpha', grants: ['client_credentials'], userId: ann });
      const { body: beta } = await create({ name: 'grid beta', grants: ['password', 'authorization_code'], redirectUris: ['https://x.example/cb'] });
      await admin.post(`${BASE}/${beta.id}/deactivate`);
      await create({ name: 'Grid Store', grants: ['password'], frontend: true, userId: buyer });
    });

    const names = async (filter: Record<string, unknown>, sort: [string, string] = ['name', 'ASC']) => {
      const answer = await admin.get<OAuthApplicationDto[]>(`${BASE}${q({ filter: { name: 'grid', ...filter }, sort, range: [0, 99] })}`);
      expect(answer.status).toBe(200);
      return answer.body.map((a) => a.name);
    };

    it('filters by name (contains, any case), status, grant, user and side', async () => {
      expect(await names({})).toEqual(['Grid Alpha', 'grid beta', 'Grid Store']);
      expect(await names({ active: false })).toEqual(['grid beta']);
      expect(await names({ grant: 'password' })).toEqual(['grid beta', 'Grid Store']);
      expect(await names({ grant: 'client_credentials' })).toEqual(['Grid Alpha']);
      expect(await names({ userId: ann })).toEqual(['Grid Alpha']);
      expect(await names({ userId: buyer, frontend: true })).toEqual(['Grid Store']);
      expect(await names({ frontend: false })).toEqual(['Grid Alpha', 'grid beta']);
      expect(await names({ organizationId: acme.id })).toEqual([]);
    });

    it('sorts by name, status, creation and last use', async () => {
      expect(await names({}, ['name', 'DESC'])).toEqual(['Grid Store', 'grid beta', 'Grid Alpha']);
      expect((await names({}, ['active', 'ASC']))[0]).toBe('grid beta');
      expect(await names({}, ['createdAt', 'ASC'])).toHaveLength(3);
      expect(await names({}, ['lastUsedAt', 'DESC'])).toHaveLength(3);
    });

    it('pages with Content-Range', async () => {
      const answer = await admin.get(`${BASE}${q({ filter: { name: 'grid' }, range: [1, 1] })}`);
      expect(answer.headers.get('content-range')).toBe('oauth-applications 1-1/3');
    });

    it('refuses an unknown grant filter with 400', async () => {
      expect((await admin.get(`${BASE}${q({ filter: { grant: 'implicit' } })}`)).status).toBe(400);
    });
  });

  describe('the grid sorted by organization, owner and grant type', () => {
    /** A user without oauth_applications.view, who sees only the applications acting as themselves. */
    let sorterId: number;
    beforeAll(async () => {
      // Lower-case first letters where byte order and letter order disagree: "beta corp" before
      // "Default Organization", "stranger" before "Zed".
      const betaCorp = await createOrganization(t.dataSource, 'beta corp');
      const zed = (await createUser(t.dataSource, { username: 'zed', firstName: 'Zed', organizations: [betaCorp] })).id;
      sorterId = (await createUser(t.dataSource, { username: 'sorter', password: 'sorter-password', organizations: [home], roles: ['ROLE_USER'] })).id;
      await create({ name: 'Sorted One', grants: ['client_credentials'], userId: ann });
      await create({ name: 'Sorted Two', grants: ['password'], frontend: true, userId: buyer });
      await create({ name: 'Sorted Three', grants: ['password'] });
      await create({ name: 'Sorted Own', grants: ['client_credentials'], userId: sorterId });
      await create({
        name: 'Sorted Beta',
        organizationId: betaCorp.id,
        grants: ['client_credentials', 'authorization_code'],
        userId: zed,
        redirectUris: ['https://beta.example/cb'],
      });
      await create({ name: 'Sorted Hidden', organizationId: hidden.id, grants: ['client_credentials'], userId: stranger });
    });

    const sorted = async (client: HttpClient, field: string, order: 'ASC' | 'DESC', filter: Record<string, unknown> = {}) => {
      const answer = await client.get<OAuthApplicationDto[]>(`${BASE}${q({ filter: { name: 'sorted', ...filter }, sort: [field, order], range: [0, 99] })}`);
      expect(answer.status).toBe(200);
      const names = answer.body.map((a) => a.name.replace('Sorted ', ''));
      expect(answer.headers.get('content-range')).toBe(`oauth-applications 0-${names.length - 1}/${names.length}`);
      return names;
    };

    it.each([
      // By the organization's name (any letter case), then the application's.
      ['organization.name', ['Beta', 'One', 'Own', 'Three', 'Two', 'Hidden']],
      // By the owner's name as shown (Ann Smith, Bea, then usernames where there is no name); none first.
      ['owner.name', ['Three', 'One', 'Two', 'Own', 'Hidden', 'Beta']],
      // By the stored grant list, then the name.
      ['grants', ['Beta', 'Hidden', 'One', 'Own', 'Three', 'Two']],
    ])('sorts by %s for a platform operator, both ways', async (field, ascending) => {
      expect(await sorted(admin, field, 'ASC')).toEqual(ascending);
      expect(await sorted(admin, field, 'DESC')).toEqual([...ascending].reverse());
    });

    it.each([
      ['organization.name', ['One', 'Own', 'Three', 'Two']],
      ['owner.name', ['Three', 'One', 'Two', 'Own']],
      ['grants', ['One', 'Own', 'Three', 'Two']],
    ])('sorts by %s among the caller\'s own organization\'s rows only', async (field, ascending) => {
      expect(await sorted(homeAdmin, field, 'ASC')).toEqual(ascending);
      expect(await sorted(homeAdmin, field, 'DESC')).toEqual([...ascending].reverse());
    });

    it.each(['organization.name', 'owner.name', 'grants'])('sorts by %s among the applications acting as a user without the permission', async (field) => {
      const sorter = await t.signedIn('sorter', 'sorter-password');
      for (const order of ['ASC', 'DESC'] as const) {
        expect(await sorted(sorter, field, order, { userId: sorterId, frontend: false })).toEqual(['Own']);
      }
    });
  });

  describe('organizations and permissions', () => {
    let foreignId: number;
    beforeAll(async () => {
      const insert = await t.dataSource.query(
        `INSERT INTO oauth_applications (organizationId, name, slug, active, grants, frontend, confidential, redirectUris, scopes, clientId) VALUES (?, 'Foreign', 'foreign', 1, 'password', 0, 1, '[]', '[]', ?)`,
        [hidden.id, 'f'.repeat(32)],
      );
      foreignId = (await t.dataSource.query(`SELECT id FROM oauth_applications WHERE slug = 'foreign'`))[0].id ?? insert;
    });

    it('keeps other organizations invisible: lists and every route by id', async () => {
      const all = await homeAdmin.get<OAuthApplicationDto[]>(`${BASE}${q({ range: [0, 999] })}`);
      expect(all.body.map((a) => a.name)).not.toContain('Foreign');
      expect((await homeAdmin.get(`${BASE}/${foreignId}`)).status).toBe(404);
      expect((await homeAdmin.request('PUT', `${BASE}/${foreignId}`, { name: 'Mine now' }, {})).status).toBe(404);
      expect((await homeAdmin.post(`${BASE}/${foreignId}/deactivate`)).status).toBe(404);
      expect((await homeAdmin.post(`${BASE}/${foreignId}/secret`)).status).toBe(404);
      expect((await homeAdmin.delete(`${BASE}/${foreignId}`)).status).toBe(404);
      expect((await t.dataSource.query(`SELECT active FROM oauth_applications WHERE id = ?`, [foreignId]))[0].active).toBeTruthy();
      // A platform operator manages every organization.
      expect((await admin.get(`${BASE}/${foreignId}`)).status).toBe(200);
    });

    it('answers 403 to whoever lacks the permission for an action', async () => {
      const viewer = await t.signedIn('viewer', 'viewer-password');
      expect((await viewer.get(BASE)).status).toBe(200);
      const { body: app } = await create({ name: 'Guarded', grants: ['client_credentials'], userId: ann });
      for (const answer of [
        await viewer.post(BASE, { name: 'Nope', grants: ['password'] }),
        await viewer.request('PUT', `${BASE}/${app.id}`, { name: 'Nope' }, {}),
        await viewer.post(`${BASE}/${app.id}/deactivate`),
        await viewer.post(`${BASE}/${app.id}/secret`),
        await viewer.delete(`${BASE}/${app.id}`),
      ]) {
        expect(answer.status).toBe(403);
        expect(answer.body).toEqual({ message: expect.stringContaining('permission') });
      }
      const plain = await t.signedIn('plain', 'plain-password');
      expect((await plain.get(BASE)).status).toBe(403);
      expect((await plain.get(`${BASE}/${app.id}`)).status).toBe(403);
    });

    it('lets any user see the back-office applications acting as themselves', async () => {
      const plainId = (await t.dataSource.query(`SELECT id FROM users WHERE username = 'plain'`))[0].id;
      const { body: own } = await create({ name: 'Plain Own', grants: ['client_credentials'], userId: plainId });
      const plain = await t.signedIn('plain', 'plain-password');
      const mine = await plain.get<OAuthApplicationDto[]>(`${BASE}${q({ filter: { userId: plainId, frontend: false } })}`);
      expect(mine.status).toBe(200);
      expect(mine.body.map((a) => a.name)).toEqual(['Plain Own']);
      expect((await plain.get(`${BASE}/${own.id}`)).status).toBe(200);
      expect((await plain.get(`${BASE}${q({ filter: { userId: ann, frontend: false } })}`)).status).toBe(403);
    });

    it('shows a user without oauth_applications.view their own applications, to open, and nothing more', async () => {
      const plainId = (await t.dataSource.query(`SELECT id FROM users WHERE username = 'plain'`))[0].id;
      const { body: own } = await create({ name: 'Plain Second', grants: ['client_credentials'], userId: plainId });
      const { body: neighbours } = await create({ name: 'Ann Neighbour', grants: ['client_credentials'], userId: ann });
      const plain = await t.signedIn('plain', 'plain-password');
      // What "My OAuth applications" shows them: the application and its usage.
      expect((await plain.get(`${BASE}/${own.id}/usage`)).status).toBe(200);
      // What it does not offer them: its secrets, any change, the figures, anyone else's.
      for (const answer of [
        await plain.get(`${BASE}/${own.id}/secrets`),
        await plain.post(`${BASE}/${own.id}/deactivate`),
        await plain.request('PUT', `${BASE}/${own.id}`, { name: 'Renamed' }, {}),
        await plain.get(`${BASE}/summary`),
        await plain.get(`${BASE}/${neighbours.id}`),
        await plain.get(`${BASE}/${neighbours.id}/usage`),
        // Only the back-office side is theirs: a customer user may bear the same number.
        await plain.get(`${BASE}${q({ filter: { userId: plainId, frontend: true } })}`),
        await plain.get(`${BASE}${q({ filter: { userId: plainId } })}`),
      ]) {
        expect(answer.status).toBe(403);
      }
      expect((await plain.get(`${BASE}/${foreignId}`)).status).toBe(404);
      const elsewhere = await plain.get<OAuthApplicationDto[]>(`${BASE}${q({ filter: { userId: plainId, frontend: false, organizationId: acme.id } })}`);
      expect([elsewhere.status, elsewhere.body]).toEqual([200, []]);
    });
  });
});

describe('GET /admin/api/system/oauth (the encryption keys state)', () => {
  it('says exactly Oro\'s warning when the keys are missing and not generated', async () => {
    const t = await startTestApp({ OAUTH_GENERATE_KEYS: 'false' });
    try {
      const answer = await (await t.signedIn()).get('/admin/api/system/oauth');
      expect(answer.body).toEqual({ available: false, message: KEYS_MISSING_MESSAGE });
      expect(KEYS_MISSING_MESSAGE).toBe(
        'OAuth authorization is not available as encryption keys configuration was not complete. Please contact your administrator.',
      );
    } finally {
      await t.close();
    }
  });

  it('is available once a key pair is generated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyhouse-keys-'));
    const t = await startTestApp({ OAUTH_GENERATE_KEYS: 'true', OAUTH_PRIVATE_KEY_PATH: join(dir, 'private.pem'), OAUTH_PUBLIC_KEY_PATH: join(dir, 'public.pem') });
    try {
      expect((await (await t.signedIn()).get('/admin/api/system/oauth')).body).toEqual({ available: true, message: 'OAuth authorization is available.' });
      expect((await t.client().get('/admin/api/system/oauth')).status).toBe(401);
    } finally {
      await t.close();
    }
  });
});

describe('action routes and empty bodies', () => {
  it('accept a POST with a JSON content type and no body, as react-admin sends them', async () => {
    const t = await startTestApp();
    try {
      const admin = await t.signedIn();
      const { body: app } = await admin.post<CreatedOAuthApplicationDto>('/admin/api/oauth-applications', { name: 'Empty Body', grants: ['password'] });
      const answer = await admin.request<OAuthApplicationDto>('POST', `/admin/api/oauth-applications/${app.id}/deactivate`, undefined, { 'content-type': 'application/json' });
      expect(answer.status).toBe(200);
      expect(answer.body.active).toBe(false);
    } finally {
      await t.close();
    }
  });
});
