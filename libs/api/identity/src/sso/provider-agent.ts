import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';

/** The provider's endpoint went quiet for longer than the sign-in may wait. */
export class ProviderTimeoutError extends Error {}

/**
 * The agent for the provider's token endpoint. passport-oauth2's client (node-oauth) sets no time
 * limit, so a provider that took the connection and never answered would hold the browser's
 * sign-in, and a socket, for good. A socket quiet for `idleMs` is destroyed instead, and the code
 * exchange fails with an error the callback reports.
 */
export function providerAgent(url: string, idleMs: number): HttpAgent {
  const agent = new URL(url).protocol === 'https:' ? new HttpsAgent() : new HttpAgent();
  const connect = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => {
    // Both agents open a net.Socket (https: a TLSSocket, which is one).
    const socket = connect(options, callback) as Socket;
    socket.setTimeout(idleMs, () => socket.destroy(new ProviderTimeoutError(`no answer within ${idleMs / 1000} s`)));
    return socket;
  };
  return agent;
}
