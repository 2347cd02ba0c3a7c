import { generateKeyPairSync } from 'node:crypto';
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
      tokenEndpointAuthMethod: 'client_secret_basic',
      jwks: null,
      jwksUri: null,
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
    tokenEndpointAuthMethod: 'client_secret_basic',
    jwks: null,
    jwksUri: null,
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
      jwks: null,
      jwksUri: null,
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

describe('client authentication', () => {
  const publicJwk = (kid: string) => ({ ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'jwk' }), kid });
  const jwks = { keys: [publicJwk('a')] };
  const keyless = { ...clientCredentials, tokenEndpointAuthMethod: 'private_key_jwt' };

  it('is a secret by default, and none for a public client', async () => {
    expect((await created(clientCredentials)).tokenEndpointAuthMethod).toBe('client_secret_basic');
    const spa = await created({ name: 'SPA', grants: ['authorization_code'], redirectUris: ['https://spa.example/cb'], confidential: false });
    expect(spa.tokenEndpointAuthMethod).toBe('none');
  });

  it('takes private_key_jwt with a JWK Set, or with the URL of one', async () => {
    expect(await created({ ...keyless, jwks })).toMatchObject({ tokenEndpointAuthMethod: 'private_key_jwt', jwks, jwksUri: null });
    expect(await created({ ...keyless, jwksUri: 'https://app.example/jwks.json' })).toMatchObject({ jwks: null, jwksUri: 'https://app.example/jwks.json' });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['neither keys nor their URL', keyless, { jwks: 'Give the public keys the application signs with: a JWK Set, or the URL where it publishes one.' }],
    ['both', { ...keyless, jwks, jwksUri: 'https://app.example/jwks.json' }, { jwksUri: 'Give the JWK Set or its URL, not both.' }],
    ['keys for a client with a secret', { ...clientCredentials, jwks }, { jwks: 'Public keys are only used by private_key_jwt client authentication.' }],
    ['a URL for a client with a secret', { ...clientCredentials, jwksUri: 'https://app.example/jwks.json' }, { jwksUri: 'Public keys are only used by private_key_jwt client authentication.' }],
    [
      'private_key_jwt for a public client',
      { name: 'SPA', grants: ['authorization_code'], redirectUris: ['https://spa.example/cb'], confidential: false, tokenEndpointAuthMethod: 'private_key_jwt', jwks },
      { tokenEndpointAuthMethod: 'A public client proves itself with PKCE alone: its client authentication is none.' },
    ],
    ['none for a confidential client', { ...clientCredentials, tokenEndpointAuthMethod: 'none' }, { tokenEndpointAuthMethod: 'Only a public client authenticates with none: a confidential one has a secret or its own key.' }],
    ['an unknown method', { ...clientCredentials, tokenEndpointAuthMethod: 'client_secret_jwt' }, { tokenEndpointAuthMethod: 'Choose one of client_secret_basic, client_secret_post, private_key_jwt, none.' }],
    ['a private key', { ...keyless, jwks: { keys: [generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' })] } }, { jwks: 'Key 1 is a private key: register its public part only.' }],
    ['a symmetric key', { ...keyless, jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] } }, { jwks: 'Key 1 is a symmetric key: register public keys only (RSA, EC P-256, Ed25519).' }],
    ['a bare key instead of a set', { ...keyless, jwks: publicJwk('a') }, { jwks: 'Paste a JWK Set: a JSON object with a "keys" list.' }],
    ['a URL without https', { ...keyless, jwksUri: 'http://app.example/jwks.json' }, { jwksUri: 'The JWK Set URL must use https (http only on localhost, 127.0.0.1 or [::1]).' }],
  ])('refuses %s', async (_, body, errors) => {
    expect(await errorsOf(() => created(body))).toEqual(errors);
  });

  describe('on an update', () => {
    const current = { ...(clientCredentials as unknown as OAuthApplicationDto), confidential: true, tokenEndpointAuthMethod: 'private_key_jwt', jwks, jwksUri: null, redirectUris: [], firstParty: false, allowPlainPkce: false, installUrl: null, listed: false, allowedIpRanges: [], frontend: false } as OAuthApplicationDto;

    it('replaces the keys, or moves them to a URL', async () => {
      const rotated = { keys: [publicJwk('a'), publicJwk('b')] };
      expect(await changed({ jwks: rotated }, current)).toEqual({ jwks: rotated });
      expect(await changed({ jwks: null, jwksUri: 'https://app.example/jwks.json' }, current)).toEqual({ jwks: null, jwksUri: 'https://app.example/jwks.json' });
    });

    it('keeps the method, and one place for the keys', async () => {
      expect(await errorsOf(() => changed({ tokenEndpointAuthMethod: 'client_secret_basic' }, current))).toEqual({
        tokenEndpointAuthMethod: 'The client authentication cannot be changed after creation.',
      });
      expect(await errorsOf(() => changed({ jwksUri: 'https://app.example/jwks.json' }, current))).toEqual({ jwksUri: 'Give the JWK Set or its URL, not both.' });
      expect(await errorsOf(() => changed({ jwks: null }, current))).toMatchObject({ jwks: expect.stringMatching(/^Give the public keys/) });
    });
  });
});
