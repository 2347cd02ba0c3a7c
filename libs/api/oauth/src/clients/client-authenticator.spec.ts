import { createHash } from 'node:crypto';
import type { ClientAuthThrottleRepository } from '@keyhouse/api-applications';
import { InvalidClientError, TemporarilyUnavailableError } from '../errors/oauth-errors';
import type { OAuthOptions } from '../oauth-options';
import type { UsageEvents } from '../usage/usage-events';
import { ClientAuthenticator } from './client-authenticator';
import type { PresentedClient } from './client-credentials';
import type { PrivateKeyJwt } from './private-key-jwt';
import type { ProtocolClient } from './protocol-client';
import type { AddressFailures, ProtocolQueries } from './protocol-queries';

const SECRET = 'the-right-secret';
const ADDRESS = '198.51.100.7';
const POLICY = { maxFailures: 3, periodSeconds: 600 };
const confidential = { id: 7, clientId: 'c', active: true, confidential: true, tokenEndpointAuthMethod: 'client_secret_basic' } as ProtocolClient;
const keyless = { ...confidential, tokenEndpointAuthMethod: 'private_key_jwt' } as ProtocolClient;
const KEYS = { jwks: '{"keys":[]}', jwksUri: null };

describe('ClientAuthenticator and the throttle of wrong secrets', () => {
  const throttles = { recordFailure: jest.fn(), clear: jest.fn() };
  const usage = { authenticationFailed: jest.fn(), secretUsed: jest.fn() };
  const privateKeyJwt = { verify: jest.fn() };

  /** The authenticator, finding `client` with one live secret and what is stored for the address. */
  function authenticator(client: ProtocolClient = confidential, addressFailures?: AddressFailures) {
    const queries = {
      clientWithCredentials: async () => ({
        client,
        secrets: client.tokenEndpointAuthMethod === 'private_key_jwt' ? [] : [{ id: 11, digest: createHash('sha256').update(SECRET).digest('hex') }],
        keys: KEYS,
        addressFailures,
      }),
    } as unknown as ProtocolQueries;
    return new ClientAuthenticator(
      queries,
      throttles as unknown as ClientAuthThrottleRepository,
      usage as unknown as UsageEvents,
      privateKeyJwt as unknown as PrivateKeyJwt,
      { clientAuthThrottle: POLICY } as OAuthOptions,
    );
  }
  const basic = (secret: string): PresentedClient => ({ clientId: 'c', secret, method: 'client_secret_basic' });

  beforeEach(() => jest.clearAllMocks());

  it('writes nothing on a success from an address with no failures stored', async () => {
    await expect(authenticator().authenticate(basic(SECRET), ADDRESS)).resolves.toBe(confidential);
    expect(throttles.recordFailure).not.toHaveBeenCalled();
    expect(throttles.clear).not.toHaveBeenCalled();
    expect(usage.secretUsed).toHaveBeenCalledWith(11);
  });

  it('clears the failures of its own address on a success', async () => {
    await authenticator(confidential, { throttledUntil: null }).authenticate(basic(SECRET), ADDRESS);
    expect(throttles.clear).toHaveBeenCalledWith(7, ADDRESS);
  });

  it('counts a wrong secret against the address, with the configured policy', async () => {
    await expect(authenticator().authenticate(basic('a-guess'), ADDRESS)).rejects.toBeInstanceOf(InvalidClientError);
    expect(throttles.recordFailure).toHaveBeenCalledWith(7, ADDRESS, POLICY);
    expect(usage.authenticationFailed).toHaveBeenCalledWith(7);
  });

  it.each<[string, ProtocolClient, PresentedClient]>([
    ['no secret at all', confidential, { clientId: 'c', method: 'none' }],
    ['an empty secret', confidential, basic('')],
    ['a deactivated application', { ...confidential, active: false }, basic('a-guess')],
    ['a public client', { ...confidential, confidential: false, tokenEndpointAuthMethod: 'none' }, basic('a-guess')],
    ['a keyless client', keyless, basic('a-guess')],
  ])('never counts %s towards the throttle, only in the usage', async (_, client, presented) => {
    await expect(authenticator(client).authenticate(presented, ADDRESS)).rejects.toBeInstanceOf(InvalidClientError);
    expect(throttles.recordFailure).not.toHaveBeenCalled();
    expect(usage.authenticationFailed).toHaveBeenCalledWith(7);
  });

  it('refuses a throttled address with 429 and the whole seconds left, even with the right secret', async () => {
    const throttledUntil = new Date(Date.now() + 90_500);
    const refusal = await authenticator(confidential, { throttledUntil })
      .authenticate(basic(SECRET), ADDRESS)
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TemporarilyUnavailableError);
    expect(refusal).toMatchObject({ status: 429, error: 'temporarily_unavailable', headers: { 'Retry-After': '91' } });
    expect(usage.secretUsed).not.toHaveBeenCalled();
    expect(throttles.recordFailure).not.toHaveBeenCalled();
    expect(usage.authenticationFailed).toHaveBeenCalledWith(7);
  });

  it('lets the address in again once its throttle has ended', async () => {
    await expect(authenticator(confidential, { throttledUntil: new Date(Date.now() - 1) }).authenticate(basic(SECRET), ADDRESS)).resolves.toBe(confidential);
  });

  describe('private_key_jwt', () => {
    const asserted: PresentedClient = { clientId: 'c', assertion: 'a.b.c', method: 'private_key_jwt' };

    it('accepts the client its assertion proves, against the keys stored with it', async () => {
      privateKeyJwt.verify.mockResolvedValue(true);
      await expect(authenticator(keyless).authenticate(asserted, ADDRESS)).resolves.toBe(keyless);
      expect(privateKeyJwt.verify).toHaveBeenCalledWith(keyless, KEYS, 'a.b.c');
      expect(usage.secretUsed).toHaveBeenCalledWith(undefined);
    });

    it('refuses an assertion that proves nothing with invalid_client, and never counts it towards the throttle', async () => {
      privateKeyJwt.verify.mockResolvedValue(false);
      await expect(authenticator(keyless).authenticate(asserted, ADDRESS)).rejects.toBeInstanceOf(InvalidClientError);
      expect(throttles.recordFailure).not.toHaveBeenCalled();
      expect(usage.authenticationFailed).toHaveBeenCalledWith(7);
    });

    it.each<[string, ProtocolClient, PresentedClient]>([
      ['an assertion for a client with secrets', confidential, asserted],
      ['an assertion for a public client', { ...confidential, confidential: false, tokenEndpointAuthMethod: 'none' }, asserted],
      ['a keyless client with no proof at all', keyless, { clientId: 'c', method: 'none' }],
      ['an assertion for a deactivated keyless client', { ...keyless, active: false }, asserted],
    ])('refuses %s without looking at any assertion', async (_, client, presented) => {
      await expect(authenticator(client).authenticate(presented, ADDRESS)).rejects.toBeInstanceOf(InvalidClientError);
      expect(privateKeyJwt.verify).not.toHaveBeenCalled();
    });
  });
});
