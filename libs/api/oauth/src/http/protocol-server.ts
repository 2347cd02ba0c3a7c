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

export interface ProtocolRoute {
  /** RFC 6749 3.2: POST; userinfo takes GET too (OpenID Connect Core 5.3.1). */
  methods: ReadonlyArray<'GET' | 'POST'>;
  handle: ProtocolHandler;
}

/**
 * Serves the protocol endpoints on node:http itself, in front of the web framework. They take
 * two body types and answer JSON, so the framework's per-request machinery (hooks, content-type
 * negotiation, reply serialization) would only cost throughput on the hottest path. Every other
 * request goes to the framework untouched.
 */
export class ProtocolServer {
  private routes = new Map<string, ProtocolRoute>();

  /**
   * `beforeAnswer` is given each answer's write, to run once it may: a node:cluster worker first
   * hands its requests' usage events to the primary, so that an answered request is always counted.
   */
  constructor(
    private readonly trust: ProxyTrust,
    private readonly beforeAnswer?: (write: () => void) => void,
  ) {}

  /** Mounted once the application exists; until then protocol paths fall through to the framework. */
  mount(routes: Record<string, ProtocolRoute>): void {
    this.routes = new Map(Object.entries(routes));
  }

  listener(framework: RequestListener): RequestListener {
    return (request, response) => {
      const path = (request.url ?? '/').split('?')[0];
      const route = this.routes.get(path);
      if (!route) return framework(request, response);
      void this.serve(route, request, response);
    };
  }

  private async serve(route: ProtocolRoute, request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Read first: once the body is in, a client that hung up has no socket address left.
    const ip = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], this.trust);
    let answer: ProtocolAnswer;
    try {
      if (!route.methods.some((method) => method === request.method)) throw new MethodNotAllowedError(route.methods);
      // A GET's request is its headers: a body has no meaning there (RFC 9110 9.3.1), and its
      // query is never read, so no credential is taken from a URL.
      const body = request.method === 'POST' ? parseBody(request.headers['content-type'], await readBody(request)) : undefined;
      answer = { status: 200, headers: { ...NO_STORE }, body: await route.handle({ body, headers: request.headers, ip }) };
    } catch (error) {
      answer = oauthErrorAnswer(error);
    }
    const write = () => {
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
    };
    if (this.beforeAnswer) this.beforeAnswer(write);
    else write();
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

/**
 * RFC 6749 3.2 takes form bodies; JSON is accepted as Oro's clients send it. An empty body is no
 * body, whatever its type: a userinfo POST may carry its token in the header alone (RFC 6750 2.1).
 */
function parseBody(contentType: string | undefined, text: string): unknown {
  if (text.trim() === '') return undefined;
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return parseFormFields(text);
  if (type === 'application/json') {
    try {
      return JSON.parse(text);
    } catch {
      throw new InvalidRequestError('The request body could not be parsed.');
    }
  }
  throw new InvalidRequestError('Send application/x-www-form-urlencoded or application/json.');
}
