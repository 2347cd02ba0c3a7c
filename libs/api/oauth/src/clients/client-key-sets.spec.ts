import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { ClientKeySets, type RemoteKeySetPolicy } from './client-key-sets';

const POLICY: RemoteKeySetPolicy = { cacheMs: 300_000, refetchFloorMs: 60_000, timeoutMs: 500, maxBytes: 4096 };
const ES256 = { alg: 'ES256' as const, kid: undefined };

async function publicJwk(kid: string): Promise<JWK> {
  return { ...(await exportJWK((await generateKeyPair('ES256', { extractable: true })).publicKey)), kid };
}

describe('ClientKeySets', () => {
  let server: Server;
  let baseUrl: string;
  let requests = 0;
  let answer: (response: ServerResponse) => void;
  let clock = 0;
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  const sets = () => new ClientKeySets(POLICY, () => clock);
  const serve = (body: unknown) => (answer = (response) => response.setHeader('content-type', 'application/json').end(JSON.stringify(body)));
  const kids = (keys: Array<{ kid: string | undefined }>) => keys.map((key) => key.kid);

  beforeAll(async () => {
    server = createServer((_, response) => {
      requests++;
      answer(response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    requests = 0;
    clock = 1_000_000;
    warn.mockClear();
  });

  it('uses the registered set as it is, fetching nothing', async () => {
    const jwks = JSON.stringify({ keys: [await publicJwk('a'), await publicJwk('b')] });
    expect(kids(await sets().candidates({ jwks, jwksUri: null }, { alg: 'ES256', kid: 'b' }))).toEqual(['b']);
    expect(kids(await sets().candidates({ jwks, jwksUri: null }, ES256))).toEqual(['a', 'b']);
    expect(await sets().candidates({ jwks, jwksUri: null }, { alg: 'RS256', kid: undefined })).toEqual([]);
    expect(requests).toBe(0);
  });

  it('fetches a jwks_uri once, shared by concurrent requests, and keeps it for a while', async () => {
    serve({ keys: [await publicJwk('a')] });
    const keySets = sets();
    const source = { jwks: null, jwksUri: `${baseUrl}/jwks` };
    const first = await Promise.all([keySets.candidates(source, ES256), keySets.candidates(source, ES256)]);
    expect(first.map(kids)).toEqual([['a'], ['a']]);
    clock += POLICY.cacheMs - 1;
    expect(kids(await keySets.candidates(source, ES256))).toEqual(['a']);
    expect(requests).toBe(1);
    clock += 1;
    await keySets.candidates(source, ES256);
    expect(requests).toBe(2);
  });

  it('fetches again for a kid it does not know (the client rotated), but not more often than the floor', async () => {
    serve({ keys: [await publicJwk('old')] });
    const keySets = sets();
    const source = { jwks: null, jwksUri: `${baseUrl}/jwks` };
    await keySets.candidates(source, ES256);
    serve({ keys: [await publicJwk('old'), await publicJwk('new')] });
    clock += POLICY.refetchFloorMs - 1;
    expect(await keySets.candidates(source, { alg: 'ES256', kid: 'new' })).toEqual([]);
    expect(await keySets.candidates(source, { alg: 'ES256', kid: 'made-up' })).toEqual([]);
    expect(requests).toBe(1);
    clock += 1;
    expect(kids(await keySets.candidates(source, { alg: 'ES256', kid: 'new' }))).toEqual(['new']);
    expect(requests).toBe(2);
  });

  it('keeps the keys last read when a fetch fails, and says so in the log', async () => {
    serve({ keys: [await publicJwk('a')] });
    const keySets = sets();
    const source = { jwks: null, jwksUri: `${baseUrl}/jwks` };
    await keySets.candidates(source, ES256);
    answer = (response) => response.writeHead(500).end();
    clock += POLICY.cacheMs;
    expect(kids(await keySets.candidates(source, ES256))).toEqual(['a']);
    expect(requests).toBe(2);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('answered 500'));
  });

  it.each<[string, (response: ServerResponse) => void, string]>([
    ['a body over the size limit', (response) => response.end(JSON.stringify({ keys: [], padding: 'x'.repeat(POLICY.maxBytes) })), 'larger than 4096 bytes'],
    ['a body that streams past the limit', (response) => response.write('x'.repeat(POLICY.maxBytes)) && response.end('x'.repeat(POLICY.maxBytes)), 'larger than'],
    ['a server that does not answer in time', () => undefined, 'abort'],
    ['a redirect', (response) => response.writeHead(302, { location: 'http://127.0.0.1:1/jwks' }).end(), 'fetch failed'],
    ['something else than JSON', (response) => response.end('<html>'), 'JSON'],
  ])('reads no keys from %s', async (_, respond, reason) => {
    answer = respond;
    expect(await sets().candidates({ jwks: null, jwksUri: `${baseUrl}/jwks` }, ES256)).toEqual([]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(reason));
  });
});
