import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { authorize, authorizePath, CALLBACK, locationOf, signInOnPage } from '../support/authorize';
import { createCustomerUser, createUser } from '../support/fixtures';
import type { HttpClient } from '../support/http-client';
import { createClient, type Client } from '../support/oauth';
import { startTestApp, type TestApp } from '../support/test-app';

/** The issuer the clients discover; their requests to it reach the test server. */
const ISSUER = 'http://keyhouse.test';

/**
 * OpenID Connect as real relying parties do it (issue 12, acceptance 1): openid-client v6 and
 * oauth4webapi, each discovering the server, sending the user through the authorization code flow
 * with PKCE and a nonce, validating the ID token and asking the userinfo endpoint.
 */
describe('OpenID Connect with openid-client and oauth4webapi', () => {
  let t: TestApp;
  let grace: HttpClient;
  let rp: Client;
  const toServer = (url: string, options: RequestInit) => fetch(url.replace(ISSUER, t.baseUrl), options);
  /** The browser's part: the authorization URL, sign-in and consent; where it is sent back to. */
  const browse = async (browser: HttpClient, url: URL) => new URL((await authorize(browser, Object.fromEntries(url.searchParams))).toString());

  beforeAll(async () => {
    t = await startTestApp({ ISSUER, SIGN_IN_MAX_FAILURES_PER_IP: '1000' });
    const admin = await t.signedIn();
    await createUser(t.dataSource, { username: 'grace', password: 'grace-password', firstName: 'Grace', lastName: 'Hopper', organizations: [{ id: 1 }], roles: [] });
    grace = await t.signedIn('grace', 'grace-password');
    rp = await createClient(admin, { name: 'openid-client RP', grants: ['authorization_code'], redirectUris: [CALLBACK] });
  });
  afterAll(() => t.close());

  it('openid-client v6: default discovery, code + PKCE with openid, the ID token with its nonce, fetchUserInfo, refresh', async () => {
    const config = await client.discovery(new URL(ISSUER), rp.clientId, rp.clientSecret, undefined, {
      execute: [client.allowInsecureRequests],
      [client.customFetch]: toServer,
    });
    expect(config.serverMetadata()).toMatchObject({ issuer: ISSUER, userinfo_endpoint: `${ISSUER}/oauth2-token/userinfo` });

    const verifier = client.randomPKCECodeVerifier();
    const nonce = client.randomNonce();
    const state = client.randomState();
    const authorizationUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: CALLBACK,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      nonce,
      state,
    });
    const callback = await browse(grace, authorizationUrl);

    const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedNonce: nonce, expectedState: state, idTokenExpected: true });
    const claims = tokens.claims();
    expect(claims).toMatchObject({ iss: ISSUER, aud: rp.clientId, azp: rp.clientId, nonce, sub: expect.stringMatching(/^user:\d+$/), auth_time: expect.any(Number) });

    // Its signature, checked against the published keys as a client that verifies does.
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token as string, createRemoteJWKSet(new URL(`${t.baseUrl}/.well-known/jwks.json`)), {
      issuer: ISSUER,
      audience: rp.clientId,
      algorithms: ['RS256'],
      typ: 'JWT',
    });
    expect(payload['nonce']).toBe(nonce);
    expect(protectedHeader.kid).toEqual(expect.any(String));

    const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims?.sub as string);
    expect(userinfo).toEqual({ sub: claims?.sub, name: 'Grace Hopper', given_name: 'Grace', family_name: 'Hopper', locale: 'en', email: 'grace@example.com', email_verified: false });

    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token as string);
    expect(refreshed.scope).toBe('openid profile email');
    expect(await client.fetchUserInfo(config, refreshed.access_token, claims?.sub as string)).toMatchObject({ sub: claims?.sub });
  });

  it('openid-client: a wrong nonce is caught, and max_age makes it check auth_time', async () => {
    const config = await client.discovery(new URL(ISSUER), rp.clientId, rp.clientSecret, undefined, { execute: [client.allowInsecureRequests], [client.customFetch]: toServer });
    const verifier = client.randomPKCECodeVerifier();
    const challenge = await client.calculatePKCECodeChallenge(verifier);
    const request = { redirect_uri: CALLBACK, scope: 'openid', code_challenge: challenge, code_challenge_method: 'S256' };

    const forged = await browse(grace, client.buildAuthorizationUrl(config, { ...request, nonce: 'sent' }));
    const refused = await client.authorizationCodeGrant(config, forged, { pkceCodeVerifier: verifier, expectedNonce: 'expected' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' });
    expect((refused as Error).cause).toMatchObject({ message: 'unexpected ID Token "nonce" claim value' });

    const recent = await browse(grace, client.buildAuthorizationUrl(config, { ...request, max_age: '3600' }));
    const tokens = await client.authorizationCodeGrant(config, recent, { pkceCodeVerifier: verifier, maxAge: 3600 });
    expect(tokens.claims()?.auth_time).toEqual(expect.any(Number));
  });

  it('oauth4webapi: processAuthorizationCodeResponse (OpenID) accepts the answer of a public storefront client, for a customer user', async () => {
    const shopper = await createCustomerUser(t.dataSource, { email: 'ada@example.com', organization: { id: 1 }, firstName: 'Ada', lastName: 'Lovelace' });
    const admin = await t.signedIn();
    const store = await createClient(admin, { name: 'oauth4webapi store', grants: ['authorization_code'], frontend: true, confidential: false, redirectUris: [CALLBACK] });
    const options = { [oauth.customFetch]: toServer, [oauth.allowInsecureRequests]: true };

    const issuer = new URL(ISSUER);
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...options }));
    const rpClient: oauth.Client = { client_id: store.clientId };
    const verifier = oauth.generateRandomCodeVerifier();
    const nonce = oauth.generateRandomNonce();
    const state = oauth.generateRandomState();
    const parameters = {
      response_type: 'code',
      client_id: store.clientId,
      redirect_uri: CALLBACK,
      scope: 'openid email',
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      nonce,
      state,
    };
    const browser = t.client();
    await signInOnPage(browser, locationOf(await browser.get(authorizePath(parameters))), shopper.email, 'a-customer-password');
    const callback = await authorize(browser, parameters);

    const callbackParameters = oauth.validateAuthResponse(as, rpClient, new URL(callback.toString()), state);
    const response = await oauth.authorizationCodeGrantRequest(as, rpClient, oauth.None(), callbackParameters, CALLBACK, verifier, options);
    const result = await oauth.processAuthorizationCodeResponse(as, rpClient, response, { expectedNonce: nonce, requireIdToken: true, maxAge: 600 });
    const claims = oauth.getValidatedIdTokenClaims(result);
    expect(claims).toMatchObject({ iss: ISSUER, aud: store.clientId, nonce, sub: expect.stringMatching(/^customer:\d+$/) });

    const userinfo = await oauth.processUserInfoResponse(as, rpClient, claims?.sub as string, await oauth.userInfoRequest(as, rpClient, result.access_token, options));
    expect(userinfo).toEqual({ sub: claims?.sub, email: 'ada@example.com', email_verified: false });
  });
});
