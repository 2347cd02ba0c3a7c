import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { OAuthApplicationDto } from '@keyhouse/shared-contracts';
import { expect, type Page, test } from '@playwright/test';

import { signedInApi } from '../src/api';
import { openCreatePage, pickAdminAsUser } from '../src/applications';
import { openFromMenu, signIn } from '../src/console';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from '../src/fixtures';

const NAME = 'Keyless export';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An EC P-256 key pair as a private_key_jwt client holds it, and the JWK Set it registers. */
function clientKey(kid: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, privateKey, publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig' }, privateJwk: privateKey.export({ format: 'jwk' }) };
}

/** RFC 7523 3: what the client signs for each request, ES256 (JWS signatures are r || s, RFC 7518 3.4). */
function assertion(tokenEndpoint: string, clientId: string, kid: string, privateKey: KeyObject): string {
  const now = Math.floor(Date.now() / 1000);
  const input = `${b64({ alg: 'ES256', kid })}.${b64({ iss: clientId, sub: clientId, aud: tokenEndpoint, jti: randomUUID(), iat: now, exp: now + 60 })}`;
  return `${input}.${sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

/** A client_credentials request as the application sends it, its assertion for the token endpoint the metadata names. */
async function clientCredentials(page: Page, clientId: string, kid: string, privateKey: KeyObject): Promise<number> {
  const metadata = (await (await page.request.get('/.well-known/oauth-authorization-server')).json()) as { token_endpoint: string };
  const answer = await page.request.post('/oauth2-token', {
    form: {
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion(metadata.token_endpoint, clientId, kid, privateKey),
    },
  });
  return answer.status();
}

test.afterEach(async ({ request }) => {
  const api = await signedInApi(request, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
  for (const { id, name } of await api.get<OAuthApplicationDto[]>('/admin/api/oauth-applications')) {
    if (name === NAME) await api.delete(`/admin/api/oauth-applications/${id}`);
  }
});

test('an administrator creates a keyless (private_key_jwt) application: no secret to copy, its public keys instead', async ({ page, request }, testInfo) => {
  const first = clientKey('first');
  const second = clientKey('second');
  const jwks = page.getByRole('textbox', { name: 'JWK Set', exact: true });

  await page.goto('/admin');
  await signIn(page, ADMIN_USERNAME, ADMIN_PASSWORD);
  await openFromMenu(page, 'System', 'User Management', 'OAuth Applications');
  await openCreatePage(page);

  await test.step('private key JWT asks for the public keys, and a private key pasted by mistake is refused at its field', async () => {
    await page.getByRole('textbox', { name: 'Application Name', exact: true }).fill(NAME);
    await page.getByRole('checkbox', { name: 'Client Credentials' }).check();
    await pickAdminAsUser(page);
    await expect(page.getByRole('radio', { name: 'Client secret' })).toBeChecked();
    await expect(jwks).toHaveCount(0);
    await page.getByRole('radio', { name: 'Private key JWT (no secret)' }).check();
    await jwks.fill(JSON.stringify({ keys: [first.privateJwk] }));
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(jwks).toHaveAccessibleDescription('Key 1 is a private key: register its public part only.');
    await expect(page).toHaveURL(/\/create$/);
  });

  await test.step('with its public key it is created, and no secret dialog opens: the page shows how it authenticates', async () => {
    await jwks.fill(JSON.stringify({ keys: [first.publicJwk] }));
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/oauth-applications\/\d+\/show$/);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const main = page.getByRole('main');
    await expect(main).toContainText('Private key JWT (no secret)');
    await expect(main).toContainText('EC first');
    await expect(page.getByRole('heading', { name: 'Client secrets' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Regenerate secret' })).toHaveCount(0);
    await expect(page.getByText('Recent wrong secrets')).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath('keyless-application-show.png'), fullPage: true });
  });

  const api = await signedInApi(request, { username: ADMIN_USERNAME, password: ADMIN_PASSWORD });
  const clientId = (await api.get<OAuthApplicationDto[]>('/admin/api/oauth-applications')).find((application) => application.name === NAME)?.clientId as string;

  await test.step('the application gets a token with an assertion signed by its key', async () => {
    expect(await clientCredentials(page, clientId, first.kid, first.privateKey)).toBe(200);
    expect(await clientCredentials(page, clientId, second.kid, second.privateKey)).toBe(401);
  });

  await test.step('editing replaces its keys: the new key works, the old one no longer does', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    await expect(jwks).toHaveValue(/"kid": "first"/);
    await jwks.fill(JSON.stringify({ keys: [second.publicJwk] }));
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('main')).toContainText('EC second');
    expect(await clientCredentials(page, clientId, second.kid, second.privateKey)).toBe(200);
    expect(await clientCredentials(page, clientId, first.kid, first.privateKey)).toBe(401);
  });
});
