import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { validBody, ValidationFailedException } from '@keyhouse/api-platform';
import { CreateApplicationBody, UpdateApplicationBody } from './application.body';
import { applicationChanges, newApplication } from './application-rules';

// As the service receives them: checked by the bodies first, then by the rules.
const created = async (body: unknown) => newApplication(await validBody(CreateApplicationBody, body));
const changed = async (body: unknown, current: OAuthApplicationDto) => applicationChanges(await validBody(UpdateApplicationBody, body), current);

async function errorsOf(read: () => Promise<unknown>): Promise<Record<string, string>> {
  try {
    await read();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedException);
    return (error as ValidationFailedException).errors;
  }
  throw new Error('expected a validation failure');
}

const clientCredentials = { name: 'ERP Sync', grants: ['client_credentials'], userId: 7 };

describe('newApplication', () => {
  it('fills the defaults', async () => {
    expect(await created(clientCredentials)).toEqual({
      organizationId: undefined,
      name: 'ERP Sync',
      slug: undefined,
      active: true,
      grants: ['client_credentials'],
      frontend: false,
      userId: 7,
      confidential: true,
      redirectUris: [],
      scopes: [],
      accessTokenTtl: null,
      firstParty: false,
      allowPlainPkce: false,
      installUrl: null,
      listed: false,
      allowedIpRanges: [],
    });
  });

  it('refuses unknown fields instead of storing them', async () => {
    expect(await errorsOf(() => created({ ...clientCredentials, clientSecret: 'mine', isAdmin: true }))).toEqual({
      clientSecret: 'Unknown field "clientSecret".',
      isAdmin: 'Unknown field "isAdmin".',
    });
  });

  it.each([
    [{ ...clientCredentials, name: '  ' }, 'name', 'Enter a name for the application.'],
    [{ ...clientCredentials, name: 'x'.repeat(256) }, 'name', 'Use at most 255 characters.'],
    [{ ...clientCredentials, grants: [] }, 'grants', 'Choose at least one grant type.'],
    [{ ...clientCredentials, grants: ['implicit'] }, 'grants', 'Unknown grant type: implicit.'],
    [{ ...clientCredentials, grants: ['password', 'password'] }, 'grants', 'Each grant type may be chosen once.'],
    [{ name: 'x', grants: ['client_credentials'] }, 'userId', 'Choose the user this application acts as (required for Client Credentials).'],
    [{ name: 'x', grants: ['authorization_code'] }, 'redirectUris', 'Add at least one redirect URI (required for Authorization Code).'],
    [{ ...clientCredentials, redirectUris: ['https://a.example/cb'] }, 'redirectUris', 'Redirect URIs are only used by the Authorization Code grant.'],
    [{ ...clientCredentials, confidential: false }, 'confidential', 'A public client has no secret, so it can only use Authorization Code (with PKCE).'],
    [{ ...clientCredentials, scopes: ['read write'] }, 'scopes', '"read write" is not a valid scope (no spaces, quotes or backslashes).'],
    [{ ...clientCredentials, scopes: ['read', 'read'] }, 'scopes', 'Each scope may be listed once.'],
    [{ ...clientCredentials, accessTokenTtl: 59 }, 'accessTokenTtl', 'Give a number of seconds from 60 to 86400, or leave it empty.'],
    [{ ...clientCredentials, accessTokenTtl: '600' }, 'accessTokenTtl', 'Give a number of seconds from 60 to 86400, or leave it empty.'],
    [{ ...clientCredentials, slug: 'Not A Slug' }, 'slug', 'Use lower-case letters, digits and single dashes (at most 100 characters).'],
    [{ ...clientCredentials, active: 'yes' }, 'active', 'Must be true or false.'],
    [{ ...clientCredentials, userId: '7' }, 'userId', 'Must be an id.'],
  ])('refuses %j at its field', async (body, field, message) => {
    expect((await errorsOf(() => created(body)))[field]).toBe(message);
  });

  it('accepts a public authorization-code client with loopback and https redirect URIs', async () => {
    const input = await created({
      name: 'CLI',
      grants: ['authorization_code'],
      confidential: false,
      redirectUris: ['http://127.0.0.1:8123/callback', 'https://app.example.com/oauth/callback?tenant=1'],
      scopes: ['orders:read'],
    });
    expect(input.confidential).toBe(false);
    expect(input.redirectUris).toHaveLength(2);
  });

  it('refuses a body that is not an object', async () => {
    await expect(created(['x'])).rejects.toThrow('Send the application as a JSON object.');
  });
});

describe('authorization code settings', () => {
  const codes = { name: 'Marketplace app', grants: ['authorization_code'], redirectUris: ['https://app.example.com/cb'] };

  it('reads them for the authorization code grant, keeping the {organization} placeholder', async () => {
    expect(
      await created({ ...codes, firstParty: true, allowPlainPkce: true, installUrl: 'https://app.example.com/install?account={organization}', listed: true }),
    ).toMatchObject({
      firstParty: true,
      allowPlainPkce: true,
      installUrl: 'https://app.example.com/install?account={organization}',
      listed: true,
    });
  });

  it('refuses them without the authorization code grant', async () => {
    expect(
      await errorsOf(() => created({ ...clientCredentials, firstParty: true, allowPlainPkce: true, installUrl: 'https://app.example.com/i', listed: true })),
    ).toEqual({
      firstParty: 'Skipping consent is only used by the Authorization Code grant.',
      allowPlainPkce: 'The plain PKCE method is only used by the Authorization Code grant.',
      installUrl: 'An install URL is only used by the Authorization Code grant.',
      listed: 'Listing in the marketplace is only used by the Authorization Code grant.',
    });
  });

  it('checks the install URL like a redirect URI', async () => {
    expect(await errorsOf(() => created({ ...codes, installUrl: 'http://app.example.com/install' }))).toEqual({
      installUrl: 'The install URL must use https (http only on localhost, 127.0.0.1 or [::1]).',
    });
  });
});

describe('allowed IP ranges', () => {
  it('are read and trimmed for client_credentials', async () => {
    expect((await created({ ...clientCredentials, allowedIpRanges: [' 10.0.0.0/8', '2001:db8::/32'] })).allowedIpRanges).toEqual(['10.0.0.0/8', '2001:db8::/32']);
  });

  it('say which one is wrong', async () => {
    expect(await errorsOf(() => created({ ...clientCredentials, allowedIpRanges: ['10.0.0.0/8', '10.0.0.0/40'] }))).toEqual({
      allowedIpRanges: 'IP range 2 needs a prefix length from 0 to 32.',
    });
  });

  it('only restrict client_credentials', async () => {
    expect(await errorsOf(() => created({ name: 'PW', grants: ['password'], allowedIpRanges: ['10.0.0.0/8'] }))).toEqual({
      allowedIpRanges: 'IP ranges only restrict the Client Credentials grant.',
    });
  });
});

describe('applicationChanges', () => {
  const current: OAuthApplicationDto = {
    id: 3,
    name: 'ERP Sync',
    slug: 'erp-sync',
    organizationId: 1,
    active: true,
    grants: ['client_credentials', 'password'],
    frontend: false,
    userId: 7,
    owner: { id: 7, name: 'Ann', email: 'ann@example.com' },
    confidential: true,
    redirectUris: [],
    scopes: [],
    accessTokenTtl: null,
    firstParty: false,
    allowPlainPkce: false,
    installUrl: null,
    listed: false,
    allowedIpRanges: [],
    failedAuthentications: 0,
    lockedUntil: null,
    clientId: 'a'.repeat(32),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    lastUsedAt: null,
    createdBy: 1,
    dormant: false,
  };

  it('takes the editable fields only', async () => {
    expect(await changed({ name: 'ERP', active: false, scopes: ['a'] }, current)).toEqual({ name: 'ERP', active: false, scopes: ['a'] });
  });

  it('accepts the whole record echoed back unchanged, as react-admin sends it', async () => {
    expect(await changed({ ...current, grants: ['password', 'client_credentials'], name: 'Renamed' }, current)).toEqual({
      name: 'Renamed',
      slug: 'erp-sync',
      active: true,
      redirectUris: [],
      scopes: [],
      accessTokenTtl: null,
      firstParty: false,
      allowPlainPkce: false,
      installUrl: null,
      listed: false,
      allowedIpRanges: [],
    });
  });

  it('ignores server state echoed back stale (use, failed authentications)', async () => {
    const stale = { ...current, lastUsedAt: '2025-01-01T00:00:00.000Z', failedAuthentications: 3, lockedUntil: null, updatedAt: '2025-01-01T00:00:00.000Z' };
    expect(await changed({ ...stale, name: 'Renamed' }, { ...current, failedAuthentications: 5 })).toMatchObject({ name: 'Renamed' });
  });

  it('refuses a change to a fixed field with a clear message', async () => {
    expect(await errorsOf(() => changed({ grants: ['password'], userId: 8, frontend: true, organizationId: 2 }, current))).toEqual({
      grants: 'The grant types cannot be changed after creation.',
      userId: 'The user cannot be changed after creation.',
      frontend: 'The application type cannot be changed after creation.',
      organizationId: 'The organization cannot be changed after creation.',
    });
  });

  it('refuses a change to what only the server sets', async () => {
    expect(await errorsOf(() => changed({ clientId: 'b'.repeat(32) }, current))).toEqual({
      clientId: 'clientId is set by the server and cannot be changed.',
    });
  });
});
