import type { IncomingMessage, ServerResponse } from 'node:http';
import { InvalidClientError } from '../errors/oauth-errors';
import { ProtocolServer, type ProtocolHandler } from './protocol-server';

/**
 * Serves one GET through the protocol server and lists what happened, in order; `beforeAnswer`
 * holds the answer's write until the next event loop turn, as a cluster worker's may.
 */
function serve(handle: ProtocolHandler): Promise<string[]> {
  const happened: string[] = [];
  const server = new ProtocolServer({ hops: 0 }, (write) => {
    happened.push('before answer');
    setImmediate(() => {
      happened.push('released');
      write();
    });
  });
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
  it('gives beforeAnswer the answer once the handler is done, and writes it when beforeAnswer says', async () => {
    const happened = await serve(async () => ({ ok: true }));
    expect(happened).toEqual(['before answer', 'released', 'head 200', 'end']);
  });

  it('runs it before an error answer too', async () => {
    const happened = await serve(async () => {
      throw new InvalidClientError();
    });
    expect(happened).toEqual(['before answer', 'released', 'head 401', 'end']);
  });
});
