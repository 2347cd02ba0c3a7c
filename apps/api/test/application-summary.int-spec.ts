import type { ApplicationSummaryDto } from '@keyhouse/shared-contracts';
import { OAuthApplication, utcDay } from '@keyhouse/api-applications';
import type { Organization } from '@keyhouse/api-identity';
import { UsageRecorder } from '@keyhouse/api-oauth';
import { TEST_DIALECT } from './support/databases';
import { createOrganization, createRole, createUser } from './support/fixtures';
import type { HttpClient } from './support/http-client';
import { createClient, token, type Client } from './support/oauth';
import { startTestApp, type TestApp } from './support/test-app';

const SUMMARY = '/admin/api/oauth-applications/summary';
const LIST = '/admin/api/oauth-applications';
const DAY = 86_400_000;

const filtered = (filter: Record<string, unknown>) => `${LIST}?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,0]')}`;
const totalOf = (contentRange: string | null) => Number(contentRange?.split('/')[1]);

/**
 * GET /admin/api/oauth-applications/summary: the dashboard's figures, counted over exactly what
 * the caller's list of applications holds (their organizations, and the applications acting as
 * them), and refused to whoever may list none.
 */
describe(`the applications summary on ${TEST_DIALECT}`, () => {
  let t: TestApp;
  let operator: HttpClient;
  let home: Organization;
  let acme: Organization;
  let other: Organization;
  let otherAdminId: number;
  /** Home's active application, which gets real tokens. */
  let homeActive: Client;

  const summaryOf = async (client: HttpClient, headers: Record<string, string> = {}) => {
    const answer = await client.get<ApplicationSummaryDto>(SUMMARY, headers);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const application = (organization: Organization, name: string, userId: number, extra: Record<string, unknown> = {}) =>
    createClient(operator, { organizationId: organization.id, name, grants: ['client_credentials'], userId, ...extra });
  const addUsage = (applicationId: number, day: string, tokensIssued: number) =>
    t.dataSource.query('INSERT INTO oauth_application_usage (applicationId, day, tokensIssued, failedAuthentications) VALUES (?, ?, ?, 0)', [applicationId, day, tokensIssued]);
  const idle = (id: number) =>
    t.dataSource.createQueryBuilder().update(OAuthApplication).set({ createdAt: new Date(Date.now() - 40 * DAY), updatedAt: () => 'updatedAt' }).where({ id }).execute();

  beforeAll(async () => {
    t = await startTestApp({ DORMANT_AFTER_DAYS: '30' });
    operator = await t.signedIn();
    home = { id: 1 } as Organization;
    acme = await createOrganization(t.dataSource, 'Acme');
    other = await createOrganization(t.dataSource, 'Other');
    await createRole(t.dataSource, 'ROLE_APP_VIEWER', ['oauth_applications.view']);
    const viewer = await createUser(t.dataSource, { username: 'viewer', password: 'viewer-password', organizations: [home], roles: ['ROLE_APP_VIEWER'] });
    const plain = await createUser(t.dataSource, { username: 'plain', password: 'plain-password', organizations: [home], roles: ['ROLE_USER'] });
    // Views applications at home; at Acme only a user, but one an application acts as.
    const mixed = await createUser(t.dataSource, { username: 'mixed', password: 'mixed-password', organizations: [home], roles: ['ROLE_APP_VIEWER'] });
    await t.dataSource.query('INSERT INTO user_organizations (userId, organizationId) VALUES (?, ?)', [mixed.id, acme.id]);
    const acmeAdmin = await createUser(t.dataSource, { username: 'acme.admin', organizations: [acme] });
    otherAdminId = (await createUser(t.dataSource, { username: 'other.admin', password: 'other-admin-password', organizations: [other] })).id;

    homeActive = await application(home, 'Home active', viewer.id);
    await application(home, 'Home idle', viewer.id).then(({ id }) => idle(id));
    await application(home, 'Plain own', plain.id);
    const homeOff = await application(home, 'Home off', viewer.id);
    expect((await operator.post(`${LIST}/${homeOff.id}/deactivate`)).status).toBe(200);
    const acmeMine = await application(acme, 'Acme mine', mixed.id);
    const acmeOther = await application(acme, 'Acme other', acmeAdmin.id);
    const otherOn = await application(other, 'Other on', otherAdminId);
    const otherOff = await application(other, 'Other off', otherAdminId);
    expect((await operator.post(`${LIST}/${otherOff.id}/deactivate`)).status).toBe(200);
    await idle(otherOff.id);

    // Three real tokens today, then stored counts: today's of others, and yesterday's, which no figure counts.
    for (let i = 0; i < 3; i++) expect((await token(t.baseUrl, { grant_type: 'client_credentials' }, { client: homeActive })).status).toBe(200);
    await t.app.get(UsageRecorder).flush();
    const today = utcDay(new Date());
    const yesterday = utcDay(Date.now() - DAY);
    await addUsage(homeActive.id, yesterday, 100);
    await addUsage(acmeMine.id, today, 2);
    await addUsage(acmeOther.id, today, 5);
    await addUsage(otherOn.id, today, 7);
    await addUsage(otherOff.id, yesterday, 11);
  });
  afterAll(() => t.close());

  it('counts every organization for a platform operator', async () => {
    expect(await summaryOf(operator)).toEqual({ active: 6, inactive: 2, dormant: 2, tokensIssuedToday: 17 });
  });

  it('counts only the organizations where the caller may view applications', async () => {
    expect(await summaryOf(await t.signedIn('viewer', 'viewer-password'))).toEqual({ active: 3, inactive: 1, dormant: 1, tokensIssuedToday: 3 });
    expect(await summaryOf(await t.signedIn('other.admin', 'other-admin-password'))).toEqual({ active: 1, inactive: 1, dormant: 1, tokensIssuedToday: 7 });
  });

  it('adds the applications acting as the caller where they may not view the others, as their list does', async () => {
    expect(await summaryOf(await t.signedIn('mixed', 'mixed-password'))).toEqual({ active: 4, inactive: 1, dormant: 1, tokensIssuedToday: 5 });
  });

  it.each([['admin', 'integration-admin-password'], ['viewer', 'viewer-password'], ['mixed', 'mixed-password'], ['other.admin', 'other-admin-password']])(
    'agrees with the totals of the list %s sees',
    async (username, password) => {
      const caller = await t.signedIn(username, password);
      const summary = await summaryOf(caller);
      const total = async (filter: Record<string, unknown>) => totalOf((await caller.get(filtered(filter))).headers.get('content-range'));
      expect({ all: await total({}), active: await total({ active: true }), dormant: await total({ dormant: true }) }).toEqual({
        all: summary.active + summary.inactive,
        active: summary.active,
        dormant: summary.dormant,
      });
    },
  );

  it('refuses a user who may view no applications (403), even with applications acting as them, and a stranger (401)', async () => {
    const plain = await t.signedIn('plain', 'plain-password');
    expect(totalOf((await plain.get(filtered({ userId: (await plain.get<{ id: number }>('/admin/api/me')).body.id, frontend: false }))).headers.get('content-range'))).toBe(1);
    const answer = await plain.get(SUMMARY);
    expect(answer).toMatchObject({ status: 403, body: { message: 'You need the "oauth_applications.view" permission for this.' } });
    expect((await t.client().get(SUMMARY)).status).toBe(401);
  });

  it('counts, for an access token, its organization within its scopes', async () => {
    const reader = await application(other, 'Other reader', otherAdminId, { scopes: ['applications:read'] });
    const usersOnly = await application(other, 'Other users reader', otherAdminId, { scopes: ['users:read'] });
    const bearer = async (client: Client) => {
      const answer = await token(t.baseUrl, { grant_type: 'client_credentials' }, { client });
      return { authorization: `Bearer ${String(answer.body['access_token'])}` };
    };
    const readerToken = await bearer(reader);
    const usersToken = await bearer(usersOnly);
    await t.app.get(UsageRecorder).flush();
    const asOtherAdmin = await summaryOf(await t.signedIn('other.admin', 'other-admin-password'));
    expect(asOtherAdmin).toEqual({ active: 3, inactive: 1, dormant: 1, tokensIssuedToday: 9 });
    expect(await summaryOf(t.client(), readerToken)).toEqual(asOtherAdmin);
    expect((await t.client().get(SUMMARY, usersToken)).status).toBe(403);
  });
});
