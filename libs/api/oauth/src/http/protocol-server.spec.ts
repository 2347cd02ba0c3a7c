import type { IncomingMessage, ServerResponse } from 'node:http';
import { InvalidClientError } from '../errors/oauth-errors';
import { ProtocolServer, type ProtocolHandler } from './protocol-server';

/** Serves one GET through the protocol server and lists what happened, in order. */
function serve(handle: ProtocolHandler): Promise<string[]> {
  const happened: string[] = [];
  const server = new ProtocolServer({ hops: 0 }, () => happened.push('before answer'));
  server.mount({ '/endpoint': { methods: ['GET'], handle } });
  return new Promise<string[]>((resolve) => {
    const request = { url: '/endpoint', method: 'GET', headers: {}, socket: { remoteAddress: '127.0.0.1' }, complete: true };
    const response = {
      writeHead: (status: number) => happened.push(`head ${status}`),
      end: () => resolve([...happened, 'end']),
    };
    server.listener(() => undefined)(request as unknown as IncomingMessage, response as unknown as ServerResponse);
  });
}

describe('ProtocolServer', () => {
  it('runs beforeAnswer once the handler is done and before the answer is written', async () => {
    const happened = await serve(async () => ({ ok: true }));
    expect(happened).toEqual(['before answer', 'head 200', 'end']);
  });

  it('runs it before an error answer too', async () => {
    const happened = await serve(async () => {
      throw new InvalidClientError();
    });
    expect(happened).toEqual(['before answer', 'head 401', 'end']);
  });
});
