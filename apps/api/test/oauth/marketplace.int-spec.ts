import type { InstalledAppDto, MarketplaceAppDto, OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { CALLBACK } from '../support/authorize';
import { createOrganization, createUser } from '../support/fixtures';
import type { HttpClient } from '../support/http-client';
import { createClient } from '../support/oauth';
import { startTestApp, type TestApp } from '../support/test-app';

const APPLICATIONS = '/admin/api/oauth-applications';
const CODES = { grants: ['authorization_code'], redirectUris: [CALLBACK], scopes: ['orders:read'] };

describe('the marketplace: which applications an organization is offered to install', () => {
  let t: TestApp;
  /** Administrator of organization 1, the publisher. */
  let publisher: HttpClient;
  /** Administrator of another organization only. */
  let customer: HttpClient;

  beforeAll(async () => {
    t = await startTestApp();
    publisher = await t.signedIn();
    const customerOrganization = await createOrganization(t.dataSource, 'Customer Ltd');
    await createUser(t.dataSource, { username: 'customer', password: 'customer-password', organizations: [customerOrganization] });
    customer = await t.signedIn('customer', 'customer-password');
    await createClient(publisher, { name: 'Listed app', ...CODES, listed: true });
    await createClient(publisher, { name: 'Private app', ...CODES });
    await createClient(publisher, { name: 'Inactive listed app', ...CODES, listed: true, active: false });
    await createClient(publisher, { name: 'Machine app', grants: ['client_credentials'], userId: 1 });
    await createClient(customer, { name: 'In-house app', ...CODES });
  });
  afterAll(() => t.close());

  const offeredTo = async (client: HttpClient) => {
    const answer = await client.get<MarketplaceAppDto[]>('/admin/api/marketplace-apps');
    expect(answer.status).toBe(200);
    return answer.body.map((app) => app.name);
  };

  it('offers listed applications to every organization, and unlisted ones to their own organization only', async () => {
    expect(await offeredTo(publisher)).toEqual(['Listed app', 'Private app']);
    expect(await offeredTo(customer)).toEqual(['In-house app', 'Listed app']);
  });

  it('lists an application from the moment its publisher lists it, and no longer once unlisted', async () => {
    const created = await createClient(publisher, { name: 'Listed later', ...CODES });
    expect(await offeredTo(customer)).not.toContain('Listed later');

    const listed = await publisher.request<OAuthApplicationDto>('PUT', `${APPLICATIONS}/${created.id}`, { listed: true }, {});
    expect(listed.status).toBe(200);
    expect(listed.body.listed).toBe(true);
    expect(await offeredTo(customer)).toContain('Listed later');

    expect((await publisher.request('PUT', `${APPLICATIONS}/${created.id}`, { listed: false }, {})).status).toBe(200);
    expect(await offeredTo(customer)).not.toContain('Listed later');
  });

  it('still installs an unlisted application for whoever knows its integration name', async () => {
    const { body: privateApp } = await publisher.get<OAuthApplicationDto[]>(`${APPLICATIONS}?filter=${encodeURIComponent('{"name":"Private app"}')}`);
    const answer = await customer.post<InstalledAppDto>('/admin/api/apps/installed', { integrationName: privateApp[0]?.slug });
    expect(answer.status).toBe(201);
    expect(answer.body.redirectUrl).toMatch(new RegExp(`^${CALLBACK}\\?code=`));
  });

  it('refuses to list what organizations cannot install, at the field', async () => {
    const machine = await publisher.post(APPLICATIONS, { name: 'Listed machine', grants: ['client_credentials'], userId: 1, listed: true });
    expect(machine.status).toBe(400);
    expect(machine.body).toMatchObject({ errors: { listed: 'Listing in the marketplace is only used by the Authorization Code grant.' } });

    const storefront = await publisher.post(APPLICATIONS, { name: 'Listed storefront', ...CODES, frontend: true, listed: true });
    expect(storefront.status).toBe(400);
    expect(storefront.body).toMatchObject({
      errors: { listed: 'Storefront applications are not installed by organizations: only back-office applications can be listed.' },
    });

    const notBoolean = await publisher.post(APPLICATIONS, { name: 'Listed maybe', ...CODES, listed: 'yes' });
    expect(notBoolean.status).toBe(400);
    expect(notBoolean.body).toMatchObject({ errors: { listed: 'Must be true or false.' } });
  });
});
