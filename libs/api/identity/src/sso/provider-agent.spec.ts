import { request } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { providerAgent, ProviderTimeoutError } from './provider-agent';
import type { SsoStateStore } from './sso-state-store';
import { SsoStrategy } from './sso.strategy';

describe('providerAgent', () => {
  let silent: Server;
  const held: Socket[] = [];
  let url: string;

  beforeAll(async () => {
    // Takes the connection and the request, and never answers.
    silent = createServer((socket) => void held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/token`;
  });
  afterAll(async () => {
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('fails a request the provider never answers once the socket has been quiet for the limit', async () => {
    const started = Date.now();
    const failure = await new Promise<Error>((resolve, reject) => {
      const sent = request(url, { method: 'POST', agent: providerAgent(url, 200) }, () => reject(new Error('an answer came')));
      sent.on('error', resolve);
      sent.end('code=abc');
    });
    expect(failure).toBeInstanceOf(ProviderTimeoutError);
    expect(failure.message).toBe('no answer within 0.2 s');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('speaks TLS to an https endpoint', () => {
    expect(providerAgent('https://id.example.com/token', 1_000)).toBeInstanceOf(HttpsAgent);
    expect(providerAgent(url, 1_000)).not.toBeInstanceOf(HttpsAgent);
  });
});

describe('SsoStrategy', () => {
  it("exchanges the code through the provider agent, not node-oauth's agentless default", () => {
    const strategy = new SsoStrategy(
      {
        name: 'Acme ID',
        authorizationUrl: 'https://id.example.com/authorize',
        tokenUrl: 'https://id.example.com/token',
        userinfoUrl: 'https://id.example.com/me',
        clientId: 'keyhouse',
        clientSecret: 'secret',
        emailField: 'email',
        callbackUrl: 'https://keyhouse.example.com/admin/api/session/sso/callback',
      },
      {} as SsoStateStore,
    );
    // node-oauth keeps the agent given to setAgent() in `_agent` and passes it to every request.
    const { _oauth2 } = strategy as unknown as { _oauth2: { _agent?: unknown } };
    expect(_oauth2._agent).toBeInstanceOf(HttpsAgent);
  });
});
