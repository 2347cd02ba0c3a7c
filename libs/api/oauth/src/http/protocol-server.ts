import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { clientAddress, parseFormFields, type ProxyTrust } from '@keyhouse/api-platform';
import { InvalidRequestError, MethodNotAllowedError, RequestTooLargeError } from '../errors/oauth-errors';
import { NO_STORE, oauthErrorAnswer, type ProtocolAnswer } from '../errors/oauth-error-answer';

/** Small bodies only: a protocol request is a handful of short parameters. */
export const PROTOCOL_BODY_LIMIT = 64 * 1024;

export interface ProtocolRequest {
  body: unknown;
  headers: IncomingHttpHeaders;
  ip: string;
}

export type ProtocolHandler = (request: ProtocolRequest) => Promise<object>;

/**
 * Serves the protocol endpoints on node:http itself, in front of the web framework. They take
 * two body types and answer JSON, so the framework's per-request machinery (hooks, content-type
 * negotiation, reply serialization) would only cost throughput on the hottest path. Every other
 * request goes to the framework untouched.
 */
export class ProtocolServer {
  private routes = new Map<string, ProtocolHandler>();

  constructor(private readonly trust: ProxyTrust) {}

  /** Mounted once the application exists; until then protocol paths fall through to the framework. */
  mount(routes: Record<string, ProtocolHandler>): void {
    this.routes = new Map(Object.entries(routes));
  }

  listener(framework: RequestListener): RequestListener {
    return (request, response) => {
      const path = (request.url ?? '/').split('?')[0];
      const handle = this.routes.get(path);
      if (!handle) return framework(request, response);
      void this.serve(handle, request, response);
    };
  }

  private async serve(handle: ProtocolHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Read first: once the body is in, a client that hung up has no socket address left.
    const ip = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], this.trust);
    let answer: ProtocolAnswer;
    try {
      if (request.method !== 'POST') throw new MethodNotAllowedError();
      const body = parseBody(request.headers['content-type'], await readBody(request));
      answer = { status: 200, headers: { ...NO_STORE }, body: await handle({ body, headers: request.headers, ip }) };
    } catch (error) {
      answer = oauthErrorAnswer(error);
    }
    const payload = JSON.stringify(answer.body);
    response.writeHead(answer.status, {
      ...answer.headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(payload),
      'X-Content-Type-Options': 'nosniff',
      // A body we stopped reading leaves the connection in an unknown state.
      ...(request.complete ? {} : { Connection: 'close' }),
    });
    response.end(payload);
  }
}

/**
 * Past the limit a body is still read, and dropped, up to this size: a client that is still
 * sending when the answer goes out would otherwise have the connection reset under it and lose
 * the 413. Anything larger is cut off at once.
 */
const DRAIN_LIMIT = 1024 * 1024;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length']) > DRAIN_LIMIT) return reject(new RequestTooLargeError());
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= PROTOCOL_BODY_LIMIT) {
        chunks.push(chunk);
      } else if (size > DRAIN_LIMIT) {
        request.pause();
        reject(new RequestTooLargeError());
      }
    });
    request.on('end', () => (size > PROTOCOL_BODY_LIMIT ? reject(new RequestTooLargeError()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

/** RFC 6749 3.2 takes form bodies; JSON is accepted as Oro's clients send it. */
function parseBody(contentType: string | undefined, text: string): unknown {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return parseFormFields(text);
  if (type === 'application/json') {
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new InvalidRequestError('The request body could not be parsed.');
    }
  }
  throw new InvalidRequestError('Send application/x-www-form-urlencoded or application/json.');
}
