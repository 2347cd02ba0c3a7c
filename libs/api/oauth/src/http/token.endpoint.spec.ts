import type { ClientAuthenticator } from '../clients/client-authenticator';
import type { ProtocolClient } from '../clients/protocol-client';
import { InvalidClientError } from '../errors/oauth-errors';
import type { Grant } from '../grants/grant';
import type { AccessTokens } from '../tokens/access-tokens';
import type { UsageEvents } from '../usage/usage-events';
import { TokenEndpoint } from './token.endpoint';
import { readParameters } from './token-parameters';
import type { TokenRequestObserver } from './token-request-observer';

const client = { id: 7, grants: ['client_credentials'], scopes: [] } as unknown as ProtocolClient;

/** One grant that answers, or fails the way it is told to. */
function endpoint(observer: TokenRequestObserver, grantHandle: Grant['handle'] = async () => ({ token_type: 'Bearer', expires_in: 60, access_token: 'jwt' })) {
  const clients = {
    authenticateRequest: async ({ body }: { body: unknown }) => {
      const parameters = readParameters(body);
      if (parameters.get('client_secret') !== 'right') throw new InvalidClientError();
      return { client, parameters };
    },
  } as unknown as ClientAuthenticator;
  const grant: Grant = { type: 'client_credentials', enabled: true, allowedFor: () => true, handle: grantHandle };
  const accessTokens = { signingKey: () => ({}) } as unknown as AccessTokens;
  const usage = { applicationUsed: () => undefined } as unknown as UsageEvents;
  return new TokenEndpoint(clients, accessTokens, usage, [grant], observer);
}

const request = (body: Record<string, string>) => ({ body: { client_id: 'c', client_secret: 'right', ...body }, headers: {}, ip: '127.0.0.1' });

describe('TokenEndpoint reporting', () => {
  const tokenRequest = jest.fn();
  beforeEach(() => tokenRequest.mockClear());

  it('reports a success with its grant and how long it took', async () => {
    await endpoint({ tokenRequest }).handle(request({ grant_type: 'client_credentials' }));
    expect(tokenRequest).toHaveBeenCalledWith('client_credentials', 'success', expect.any(Number));
    expect(tokenRequest.mock.calls[0][2]).toBeGreaterThanOrEqual(0);
  });

  it('reports a refusal with the OAuth error code it is answered with', async () => {
    await expect(endpoint({ tokenRequest }).handle(request({ grant_type: 'client_credentials', client_secret: 'wrong' }))).rejects.toBeInstanceOf(InvalidClientError);
    expect(tokenRequest).toHaveBeenCalledWith('client_credentials', 'invalid_client', expect.any(Number));
  });

  it('labels whatever grant type a client makes up as unknown', async () => {
    await expect(endpoint({ tokenRequest }).handle(request({ grant_type: 'urn:made-up:1234' }))).rejects.toThrow('not supported');
    expect(tokenRequest).toHaveBeenCalledWith('unknown', 'unsupported_grant_type', expect.any(Number));
  });

  it('reports an unexpected failure as server_error', async () => {
    const failing = endpoint({ tokenRequest }, () => Promise.reject(new Error('connection lost')));
    await expect(failing.handle(request({ grant_type: 'client_credentials' }))).rejects.toThrow('connection lost');
    expect(tokenRequest).toHaveBeenCalledWith('client_credentials', 'server_error', expect.any(Number));
  });
});
