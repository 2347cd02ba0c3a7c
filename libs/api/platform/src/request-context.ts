import { AsyncLocalStorage } from 'node:async_hooks';
import { createParamDecorator } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { clientAddress, type ProxyTrust } from './network/client-address';

/** What code deep in a request may need to know of it without being handed the request. */
export interface RequestContext {
  /** The client's address, as TRUST_PROXY lets it be known (see clientAddress). */
  ip: string;
  /** Set once an access token authenticated the request: whatever the request records, it records this next to the user. */
  application?: ActingApplication;
}

/** An application acting for its user: the one an access token was issued to, or the one a user signs in through. */
export interface ActingApplication {
  id: number;
  clientId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Every framework request runs inside its context, from the first hook to the answer. The
 * framework's own `trustProxy` stays off: its `request.ip` is the socket's peer, and the address
 * is computed here by the same rule as the protocol endpoints'.
 */
export function registerRequestContext(fastify: FastifyInstance, trust: ProxyTrust): void {
  fastify.addHook('onRequest', (request, _reply, done) =>
    storage.run({ ip: clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trust) }, done),
  );
}

/**
 * Says, for the rest of the request, which application the user acts through: the auth guard
 * knows it, the audit trail needs it, and no service in between has to carry it.
 */
export function setActingApplication(application: ActingApplication): void {
  const context = currentRequest();
  if (!context) throw new Error('No request context: registerRequestContext was not called.');
  context.application = application;
}

/** The client's address of the request being served; never `request.ip`, which ignores TRUST_PROXY. */
export function currentClientAddress(): string {
  const context = currentRequest();
  if (!context) throw new Error('No request context: registerRequestContext was not called.');
  return context.ip;
}

/** The client's address in a route handler (see currentClientAddress). */
export const ClientAddress = createParamDecorator((): string => currentClientAddress());
