import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';

/** What code deep in a request may need to know of it without being handed the request. */
export interface RequestContext {
  /** The client's address (the proxy's X-Forwarded-For when TRUST_PROXY is set). */
  ip: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Every framework request runs inside its context, from the first hook to the answer. */
export function registerRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => storage.run({ ip: request.ip }, done));
}
